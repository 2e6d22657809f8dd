import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users, workspaces } from "./sqlite";
import { visitors } from "./runtime-sqlite";
import { FLOW_EVENT_KINDS } from "./flow-types";

// Flows: draft definitions (published through config_versions like personalizations) and the
// events the website reports for analytics. Mirror of ./flows-pg.ts.
const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const workspaceId = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

export const flows = sqliteTable(
  "flows",
  {
    id: id(),
    workspaceId: workspaceId(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    audience: text("audience", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    steps: text("steps", { mode: "json" }).$type<unknown[]>().notNull(),
    position: integer("position").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    updatedByUserId: text("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("flows_workspace_key_idx").on(t.workspaceId, t.key)],
);

/** One row per thing a visitor did in a flow's widget (or a step skipped for them). */
export const flowEvents = sqliteTable(
  "flow_events",
  {
    id: id(),
    workspaceId: workspaceId(),
    flowKey: text("flow_key").notNull(),
    stepId: text("step_id").notNull(),
    visitorId: text("visitor_id").notNull().references(() => visitors.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: FLOW_EVENT_KINDS }).notNull(),
    /** For "answer": the answer keys chosen, for the per-answer breakdown. */
    answers: text("answers", { mode: "json" }).$type<string[]>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("flow_events_flow_idx").on(t.workspaceId, t.flowKey, t.stepId),
    index("flow_events_visitor_idx").on(t.visitorId, t.flowKey),
  ],
);
