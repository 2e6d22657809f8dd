import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users, workspaces } from "./sqlite";
import { NOTIFICATION_KINDS, type FailureCounts } from "./health-types";

// Connection health (what real Intercom traffic did), scheduled refresh state, and the in-app
// notification centre. Mirror of ./health-pg.ts.
const ts = (name: string) => integer(name, { mode: "timestamp_ms" });
const workspaceId = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

/** One row per workspace; survives reconnects (kept apart from intercom_connections on purpose). */
export const intercomHealth = sqliteTable("intercom_health", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  // null: not probed yet; false: the token can read but not write (write-back is off).
  canWrite: integer("can_write", { mode: "boolean" }),
  canCreateAttributes: integer("can_create_attributes", { mode: "boolean" }),
  capabilitiesCheckedAt: ts("capabilities_checked_at"),
  lastReadOkAt: ts("last_read_ok_at"),
  lastWriteOkAt: ts("last_write_ok_at"),
  lastFailureAt: ts("last_failure_at"),
  lastFailureKind: text("last_failure_kind"),
  // Failures by kind since the last success; a success clears them.
  failures: text("failures", { mode: "json" }).$type<FailureCounts>().notNull(),
  lastRefreshAt: ts("last_refresh_at"),
  refreshRequestedAt: ts("refresh_requested_at"),
  updatedAt: ts("updated_at").notNull(),
});

export const notifications = sqliteTable(
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
    createdAt: ts("created_at").notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("notifications_workspace_created_idx").on(t.workspaceId, t.createdAt)],
);

/** Per user: everything created before last_read_at counts as read. */
export const notificationReads = sqliteTable(
  "notification_reads",
  {
    workspaceId: workspaceId(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    lastReadAt: ts("last_read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
