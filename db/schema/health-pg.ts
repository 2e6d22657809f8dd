import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users, workspaces } from "./pg";
import { NOTIFICATION_KINDS, type FailureCounts } from "./health-types";

// Connection health (what real Intercom traffic did), scheduled refresh state, and the in-app
// notification centre. Mirror of ./health-sqlite.ts.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const workspaceId = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

/** One row per workspace; survives reconnects (kept apart from intercom_connections on purpose). */
export const intercomHealth = pgTable("intercom_health", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  // null: not probed yet; false: the token can read but not write (write-back is off).
  canWrite: boolean("can_write"),
  canCreateAttributes: boolean("can_create_attributes"),
  capabilitiesCheckedAt: ts("capabilities_checked_at"),
  lastReadOkAt: ts("last_read_ok_at"),
  lastWriteOkAt: ts("last_write_ok_at"),
  lastFailureAt: ts("last_failure_at"),
  lastFailureKind: text("last_failure_kind"),
  // Failures by kind since the last success; a success clears them.
  failures: jsonb("failures").$type<FailureCounts>().notNull(),
  lastRefreshAt: ts("last_refresh_at"),
  refreshRequestedAt: ts("refresh_requested_at"),
  updatedAt: ts("updated_at").notNull(),
});

export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: workspaceId(),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    // Addressed to one member (e.g. a publish request's answer); null: everyone in the workspace.
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("notifications_workspace_created_idx").on(t.workspaceId, t.createdAt)],
);

/** Per user: everything created before last_read_at counts as read. */
export const notificationReads = pgTable(
  "notification_reads",
  {
    workspaceId: workspaceId(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    lastReadAt: ts("last_read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
