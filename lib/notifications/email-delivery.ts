import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { EmailPreference } from "@/db/schema/notify-prefs-types";
import { appUrl } from "@/lib/app-url";
import { logError } from "@/lib/log";
import { mailConfigured, sendMail } from "@/lib/mail";
import { notificationMail } from "@/lib/mail/templates";
import { sendDigest, sendImmediate, type Recipient, type Send } from "./email";
import type { NotificationInput } from "./types";

// Wires ./email.ts to lib/mail and the stored per-member preference. Without SMTP_URL nothing is
// sent. Only owners and admins of the workspace are ever mailed (email.ts filters by role too).

/** Members who never chose get the digest: one mail a day at most, not one per alert. */
export const DEFAULT_EMAIL_PREFERENCE: EmailPreference = "daily";
export const DIGEST_INTERVAL_MS = 24 * 60 * 60_000;
const MAILED_ROLES = ["owner", "admin"] as const;

const send: Send = async (to, subject, text) => {
  await sendMail(notificationMail({ to, subject, text }));
};

export async function getEmailPreference(workspaceId: string, userId: string): Promise<EmailPreference> {
  const p = tables.notificationEmailPrefs;
  const [row] = await getDb().select({ preference: p.preference }).from(p).where(and(eq(p.workspaceId, workspaceId), eq(p.userId, userId)));
  return row?.preference ?? DEFAULT_EMAIL_PREFERENCE;
}

export async function setEmailPreference(workspaceId: string, userId: string, preference: EmailPreference): Promise<void> {
  const p = tables.notificationEmailPrefs;
  const now = new Date();
  // Switching to the digest starts counting from now, so it does not resend what was already mailed.
  await getDb()
    .insert(p)
    .values({ workspaceId, userId, preference, digestSentAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [p.workspaceId, p.userId], set: { preference, updatedAt: now } });
}

/** Owners and admins of the workspace (or just `userId`, if that member is one) with their preference. */
async function workspaceRecipients(workspaceId: string, userId?: string): Promise<Recipient[]> {
  const m = tables.memberships;
  const u = tables.users;
  const p = tables.notificationEmailPrefs;
  const rows = await getDb()
    .select({ email: u.email, role: m.role, preference: p.preference })
    .from(m)
    .innerJoin(u, eq(u.id, m.userId))
    .leftJoin(p, and(eq(p.workspaceId, m.workspaceId), eq(p.userId, m.userId)))
    .where(and(eq(m.workspaceId, workspaceId), inArray(m.role, [...MAILED_ROLES]), userId ? eq(m.userId, userId) : undefined));
  return rows.map((r) => ({ email: r.email, role: r.role, preference: r.preference ?? DEFAULT_EMAIL_PREFERENCE }));
}

async function workspaceName(workspaceId: string): Promise<string> {
  const w = tables.workspaces;
  const [row] = await getDb().select({ name: w.name }).from(w).where(eq(w.id, workspaceId));
  return row?.name ?? "Tailor";
}

/** Mails a just-raised notification to owners/admins who chose "immediately". Returns who was mailed. */
export async function emailNotification(workspaceId: string, notification: NotificationInput): Promise<string[]> {
  if (!mailConfigured()) return [];
  const recipients = await workspaceRecipients(workspaceId);
  if (!recipients.some((r) => r.preference === "immediately")) return [];
  return sendImmediate({ workspaceName: await workspaceName(workspaceId), notification, recipients, baseUrl: appUrl("/"), send });
}

/** Fire-and-forget from notify(): a mail problem never fails the caller (sendMail already logs). */
export function emailNotificationInBackground(workspaceId: string, notification: NotificationInput): void {
  if (!mailConfigured()) return;
  emailNotification(workspaceId, notification).catch((error: unknown) => logError("notifications.email_failed", error, { workspaceId }));
}

/**
 * Mails a notification addressed to one member (notifyMember) if they are an owner/admin who chose
 * "immediately"; on the daily digest it arrives with the digest. Returns who was mailed.
 */
export async function emailMemberNotification(workspaceId: string, userId: string, notification: NotificationInput): Promise<string[]> {
  if (!mailConfigured()) return [];
  const recipients = (await workspaceRecipients(workspaceId, userId)).filter((r) => r.preference === "immediately");
  if (recipients.length === 0) return [];
  return sendImmediate({ workspaceName: await workspaceName(workspaceId), notification, recipients, baseUrl: appUrl("/"), send });
}

export function emailMemberNotificationInBackground(workspaceId: string, userId: string, notification: NotificationInput): void {
  if (!mailConfigured()) return;
  emailMemberNotification(workspaceId, userId, notification).catch((error: unknown) => logError("notifications.email_failed", error, { workspaceId }));
}

/**
 * Sends each owner/admin on the daily digest whose last one is at least `intervalMs` old everything
 * raised since. The compare-and-set on digest_sent_at makes one worker send each digest.
 */
export async function sendDueDigests({ intervalMs = DIGEST_INTERVAL_MS, now = new Date() }: { intervalMs?: number; now?: Date } = {}): Promise<number> {
  if (!mailConfigured()) return 0;
  const db = getDb();
  const m = tables.memberships;
  const u = tables.users;
  const p = tables.notificationEmailPrefs;
  const cutoff = new Date(now.getTime() - intervalMs);
  const due = await db
    .select({ workspaceId: m.workspaceId, userId: m.userId, email: u.email, role: m.role, hasRow: p.userId, digestSentAt: p.digestSentAt })
    .from(m)
    .innerJoin(u, eq(u.id, m.userId))
    .leftJoin(p, and(eq(p.workspaceId, m.workspaceId), eq(p.userId, m.userId)))
    .where(and(inArray(m.role, [...MAILED_ROLES]), or(isNull(p.userId), and(eq(p.preference, "daily"), or(isNull(p.digestSentAt), lte(p.digestSentAt, cutoff))))))
    .limit(500);
  let mailed = 0;
  for (const r of due) {
    const claimed = r.hasRow
      ? await db
          .update(p)
          .set({ digestSentAt: now })
          .where(and(eq(p.workspaceId, r.workspaceId), eq(p.userId, r.userId), r.digestSentAt ? eq(p.digestSentAt, r.digestSentAt) : isNull(p.digestSentAt)))
          .returning({ id: p.userId })
      : await db
          .insert(p)
          .values({ workspaceId: r.workspaceId, userId: r.userId, preference: DEFAULT_EMAIL_PREFERENCE, digestSentAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning({ id: p.userId });
    if (claimed.length === 0) continue;
    const n = tables.notifications;
    const since = r.digestSentAt ?? cutoff;
    const items = await db
      .select({ kind: n.kind, title: n.title, body: n.body, link: n.link })
      .from(n)
      .where(and(eq(n.workspaceId, r.workspaceId), or(isNull(n.userId), eq(n.userId, r.userId)), gt(n.createdAt, since), lte(n.createdAt, now)))
      .orderBy(n.createdAt);
    const to = await sendDigest({
      workspaceName: await workspaceName(r.workspaceId),
      notifications: items,
      recipients: [{ email: r.email, role: r.role, preference: "daily" }],
      baseUrl: appUrl("/"),
      send,
    });
    mailed += to.length;
  }
  return mailed;
}
