import type { NotificationInput } from "./types";

// Email delivery of notifications for owners and admins (wired to lib/mail by ./email-delivery.ts).
// It takes `send` so the caller decides the transport, and it never puts secrets in mail
// (notifications never carry any).

import { EMAIL_PREFERENCES, type EmailPreference } from "@/db/schema/notify-prefs-types";

export { EMAIL_PREFERENCES, type EmailPreference };
export type Send = (to: string, subject: string, text: string) => Promise<void>;
export type Recipient = { email: string; role: string; preference: EmailPreference };

const MAY_RECEIVE = new Set(["owner", "admin"]);

function body(items: NotificationInput[], baseUrl: string): string {
  return items
    .map((n) => [n.title, n.body, n.link ? `${baseUrl.replace(/\/+$/, "")}${n.link}` : null].filter(Boolean).join("\n"))
    .join("\n\n");
}

/** One notification, now, to owners and admins who chose "immediately". Returns who was mailed. */
export async function sendImmediate(args: { workspaceName: string; notification: NotificationInput; recipients: Recipient[]; baseUrl: string; send: Send }): Promise<string[]> {
  const to = args.recipients.filter((r) => MAY_RECEIVE.has(r.role) && r.preference === "immediately").map((r) => r.email);
  for (const email of to) await args.send(email, `[Tailor · ${args.workspaceName}] ${args.notification.title}`, body([args.notification], args.baseUrl));
  return to;
}

/** The daily digest: everything since the last digest, in one mail per owner/admin who chose "daily". */
export async function sendDigest(args: { workspaceName: string; notifications: NotificationInput[]; recipients: Recipient[]; baseUrl: string; send: Send }): Promise<string[]> {
  if (args.notifications.length === 0) return [];
  const to = args.recipients.filter((r) => MAY_RECEIVE.has(r.role) && r.preference === "daily").map((r) => r.email);
  const n = args.notifications.length;
  const subject = `[Tailor · ${args.workspaceName}] ${n === 1 ? "1 notification" : `${n} notifications`} today`;
  for (const email of to) await args.send(email, subject, body(args.notifications, args.baseUrl));
  return to;
}
