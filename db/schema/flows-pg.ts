import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users, workspaces } from "./pg";
import { visitors } from "./runtime-pg";
import { FLOW_EVENT_KINDS } from "./flow-types";

// Flows: draft definitions (published through config_versions like personalizations) and the
// events the website reports for analytics. Mirror of ./flows-sqlite.ts.
const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const workspaceId = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

export const flows = pgTable(
  "flows",
  {
    id: id(),
    workspaceId: workspaceId(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull(),
    audience: jsonb("audience").$type<Record<string, unknown>>().notNull(),
    steps: jsonb("steps").$type<unknown[]>().notNull(),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedByUserId: text("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("flows_workspace_key_idx").on(t.workspaceId, t.key)],
);

/** One row per thing a visitor did in a flow's widget (or a step skipped for them). */
export const flowEvents = pgTable(
  "flow_events",
  {
    id: id(),
    workspaceId: workspaceId(),
    flowKey: text("flow_key").notNull(),
    stepId: text("step_id").notNull(),
    visitorId: text("visitor_id").notNull().references(() => visitors.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: FLOW_EVENT_KINDS }).notNull(),
    /** For "answer": the answer keys chosen, for the per-answer breakdown. */
    answers: jsonb("answers").$type<string[]>(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    index("flow_events_flow_idx").on(t.workspaceId, t.flowKey, t.stepId),
    index("flow_events_visitor_idx").on(t.visitorId, t.flowKey),
  ],
);
