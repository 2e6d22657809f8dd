import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users, workspaces } from "./sqlite";
import { EMAIL_PREFERENCES } from "./notify-prefs-types";

// Per member and workspace: how notifications reach them by email, and when their last daily
// digest went out. Mirror of ./notify-prefs-pg.ts.
const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

export const notificationEmailPrefs = sqliteTable(
  "notification_email_prefs",
  {
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    preference: text("preference", { enum: EMAIL_PREFERENCES }).notNull(),
    digestSentAt: ts("digest_sent_at"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
