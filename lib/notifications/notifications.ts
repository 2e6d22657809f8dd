import { and, count, desc, eq, gt, gte, isNull, or } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { emailMemberNotificationInBackground, emailNotificationInBackground } from "./email-delivery";
import type { NotificationInput } from "./types";

export type { NotificationInput };
export type NotificationView = NotificationInput & { id: string; createdAt: Date; unread: boolean };

// The same alert raised again within this window is not repeated (a dead-letter burst is one notification).
const DEDUPE_MS = 10 * 60_000;

/** Adds a notification for everyone in the workspace, unless the same one was raised moments ago. */
export async function notify(workspaceId: string, input: NotificationInput, tx: DbOrTx = getDb()): Promise<boolean> {
  const n = tables.notifications;
  const since = new Date(Date.now() - DEDUPE_MS);
  const [recent] = await tx
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.workspaceId, workspaceId), eq(n.kind, input.kind), eq(n.title, input.title), eq(n.body, input.body), gte(n.createdAt, since)))
    .limit(1);
  if (recent) return false;
  await tx.insert(n).values({ workspaceId, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null, createdAt: new Date() });
  emailNotificationInBackground(workspaceId, input);
  return true;
}

/**
 * Adds a notification only `userId` sees (something for them to do, or an answer to something they
 * did); never deduplicated. An owner/admin who chose "immediately" is mailed it too, like notify().
 */
export async function notifyMember(workspaceId: string, userId: string, input: NotificationInput, tx: DbOrTx = getDb()): Promise<void> {
  await tx
    .insert(tables.notifications)
    .values({ workspaceId, userId, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null, createdAt: new Date() });
  emailMemberNotificationInBackground(workspaceId, userId, input);
}

/** Workspace-wide notifications plus those addressed to this member. */
function visibleTo(workspaceId: string, userId: string) {
  const n = tables.notifications;
  return and(eq(n.workspaceId, workspaceId), or(isNull(n.userId), eq(n.userId, userId)));
}

async function lastReadAt(workspaceId: string, userId: string, tx: DbOrTx): Promise<Date> {
  const r = tables.notificationReads;
  const [row] = await tx.select({ at: r.lastReadAt }).from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.userId, userId)));
  return row?.at ?? new Date(0);
}

export async function unreadCount(workspaceId: string, userId: string): Promise<number> {
  const db = getDb();
  const n = tables.notifications;
  const since = await lastReadAt(workspaceId, userId, db);
  const [row] = await db.select({ n: count() }).from(n).where(and(visibleTo(workspaceId, userId), gt(n.createdAt, since)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(workspaceId: string, userId: string, { limit = 50 }: { limit?: number } = {}): Promise<NotificationView[]> {
  const db = getDb();
  const n = tables.notifications;
  const since = await lastReadAt(workspaceId, userId, db);
  const rows = await db.select().from(n).where(visibleTo(workspaceId, userId)).orderBy(desc(n.createdAt)).limit(limit);
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt, unread: r.createdAt > since }));
}

export async function markAllRead(workspaceId: string, userId: string): Promise<void> {
  const r = tables.notificationReads;
  const now = new Date();
  await getDb()
    .insert(r)
    .values({ workspaceId, userId, lastReadAt: now })
    .onConflictDoUpdate({ target: [r.workspaceId, r.userId], set: { lastReadAt: now } });
}
