import "server-only";
import { appUrl } from "@/lib/app-url";
import { roleLabels } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { logInfo } from "@/lib/log";
import { mailConfigured, sendMail } from "@/lib/mail";
import { invitationMail } from "@/lib/mail/templates";
import type { IssuedInvitation } from "./invitations";

export type Delivery = { email: string; emailed: true } | { email: string; emailed: false; link: string };

/**
 * Mails the invitation. Only when no SMTP is configured (the embedded default) does the inviter get
 * the link, once, to pass on themselves; with SMTP the link goes to the mailbox and nowhere else.
 */
export async function deliverInvitation(issued: IssuedInvitation, from: { name: string; workspaceName: string }): Promise<Delivery> {
  const link = appUrl(`/invite/${issued.token}`);
  if (!mailConfigured()) {
    // Where the mail would have gone (never the link: the log is not the inviter's to read).
    logInfo("mail.not_configured", { to: issued.email, subject: `invitation to ${from.workspaceName} (link shown to the inviter)` });
    return { email: issued.email, emailed: false, link };
  }
  const mail = invitationMail({ to: issued.email, workspaceName: from.workspaceName, inviterName: from.name, roleLabel: roleLabels[issued.role], link, expiresAt: issued.expiresAt });
  const { sent } = await sendMail(mail);
  if (!sent) throw new UserFacingError(`The invitation to ${issued.email} was saved, but the email could not be sent. Try "Resend" in a moment.`);
  return { email: issued.email, emailed: true };
}
