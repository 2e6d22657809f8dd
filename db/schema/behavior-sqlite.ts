import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./sqlite";
import { visitors } from "./runtime-sqlite";
import { BEHAVIORS } from "./behavior-types";

// Behaviour sent back to Intercom: which behaviours become data events (and their names), and the
// per-visitor facts behaviour fields are read from. Mirror of ./behavior-pg.ts.
const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

export const behaviorEventRules = sqliteTable(
  "behavior_event_rules",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    behavior: text("behavior", { enum: BEHAVIORS }).notNull(),
    // What the behaviour must match: a URL pattern (page_visit), a Tailor.track key (track), a flow
    // id (flow_*), a placement key (variant_seen); null matches every one.
    match: text("match"),
    eventName: text("event_name").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: ts("created_at").notNull().default(sql`(unixepoch() * 1000)`),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("behavior_event_rules_workspace_idx").on(t.workspaceId)],
);

export const visitorBehavior = sqliteTable("visitor_behavior", {
  visitorId: text("visitor_id").primaryKey().references(() => visitors.id, { onDelete: "cascade" }),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  // A visit starts with a page view 30 minutes or more after the previous one.
  visitCount: integer("visit_count").notNull().default(0),
  firstUtmSource: text("first_utm_source"),
  firstUtmMedium: text("first_utm_medium"),
  firstUtmCampaign: text("first_utm_campaign"),
  lastPage: text("last_page"),
  lastPageAt: ts("last_page_at"),
});
