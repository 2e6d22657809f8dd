import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { workspaces } from "./pg";
import { visitors } from "./runtime-pg";
import { ANALYTICS_EVENT_KINDS, GOAL_KINDS } from "./analytics-types";

// Personalization analytics: goals, raw events (kept for a retention period), first exposures and
// conversions per visitor and arm, and the daily rollups every chart and result reads.
// An arm is "variant:<variant id>", "default" or "holdout". Mirror of ./analytics-sqlite.ts.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const workspaceId = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });
const visitorId = () => text("visitor_id").notNull().references(() => visitors.id, { onDelete: "cascade" });

export const goals = pgTable(
  "goals",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: workspaceId(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: GOAL_KINDS }).notNull(),
    // A CSS selector (click), a URL path pattern (page_visit), a flow key (flow_*; null: any flow); null for track.
    target: text("target"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("goals_workspace_key_idx").on(t.workspaceId, t.key)],
);

/** Raw events: one impression per visitor, placement, arm and day; one conversion per visitor, arm, goal and day. */
export const analyticsEvents = pgTable(
  "analytics_events",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: workspaceId(),
    visitorId: visitorId(),
    kind: text("kind", { enum: ANALYTICS_EVENT_KINDS }).notNull(),
    placementKey: text("placement_key").notNull(),
    arm: text("arm").notNull(),
    // "" for impressions.
    goalKey: text("goal_key").notNull(),
    day: text("day").notNull(),
    occurredAt: ts("occurred_at").notNull(),
  },
  (t) => [
    uniqueIndex("analytics_events_once_idx").on(t.workspaceId, t.visitorId, t.placementKey, t.kind, t.arm, t.goalKey, t.day),
    index("analytics_events_occurred_idx").on(t.occurredAt),
  ],
);

/** A visitor's exposure to an arm: counted once, and what a later conversion is attributed to. */
export const analyticsExposures = pgTable(
  "analytics_exposures",
  {
    workspaceId: workspaceId(),
    visitorId: visitorId(),
    placementKey: text("placement_key").notNull(),
    arm: text("arm").notNull(),
    firstAt: ts("first_at").notNull(),
    lastAt: ts("last_at").notNull(),
  },
  (t) => [
    uniqueIndex("analytics_exposures_visitor_arm_idx").on(t.workspaceId, t.visitorId, t.placementKey, t.arm),
    index("analytics_exposures_last_idx").on(t.lastAt),
  ],
);

/** A visitor's first conversion on a goal after exposure to an arm: the numerator of the rate. */
export const analyticsConversions = pgTable(
  "analytics_conversions",
  {
    workspaceId: workspaceId(),
    visitorId: visitorId(),
    placementKey: text("placement_key").notNull(),
    arm: text("arm").notNull(),
    goalKey: text("goal_key").notNull(),
    firstAt: ts("first_at").notNull(),
  },
  (t) => [
    uniqueIndex("analytics_conversions_once_idx").on(t.workspaceId, t.visitorId, t.placementKey, t.arm, t.goalKey),
    index("analytics_conversions_first_idx").on(t.firstAt),
  ],
);

/** Per day × placement × arm (× goal for conversions; "" for visitors and impressions). */
export const analyticsDaily = pgTable(
  "analytics_daily",
  {
    workspaceId: workspaceId(),
    placementKey: text("placement_key").notNull(),
    day: text("day").notNull(),
    arm: text("arm").notNull(),
    goalKey: text("goal_key").notNull(),
    // Visitors first exposed to the arm that day; impressions (visitor-days); first conversions that day.
    visitors: integer("visitors").notNull().default(0),
    impressions: integer("impressions").notNull().default(0),
    conversions: integer("conversions").notNull().default(0),
  },
  (t) => [uniqueIndex("analytics_daily_key_idx").on(t.workspaceId, t.placementKey, t.day, t.arm, t.goalKey)],
);
