import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users, workspaces } from "./pg";
import { EMAIL_PREFERENCES } from "./notify-prefs-types";

// Per member and workspace: how notifications reach them by email, and when their last daily
// digest went out. Mirror of ./notify-prefs-sqlite.ts.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const notificationEmailPrefs = pgTable(
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
