// No "server-only" import: the standalone sync worker (`npm run worker`, plain tsx) sends notification
// mail too, and that package throws outside the react-server condition. Nothing here reaches the browser.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { redactUrl } from "@/lib/redact";
import { logError, logInfo } from "@/lib/log";

/**
 * Outgoing email over SMTP (`SMTP_URL`, `MAIL_FROM`). Optional: without SMTP_URL nothing is sent and
 * callers fall back (the inviter gets a copy-link). Never log a message body: it carries one-time links.
 */
export type Mail = { to: string; subject: string; text: string; html: string };
export type SendResult = { sent: boolean };

let transport: Transporter | null | undefined;

function smtpTransport(): Transporter | null {
  if (transport !== undefined) return transport;
  const url = env().SMTP_URL;
  transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export function mailFrom(): string {
  return env().MAIL_FROM ?? "Tailor <no-reply@tailor.localhost>";
}

/** Sends one message; resolves to `{ sent: false }` (logged, not thrown) when SMTP is missing or fails. */
export async function sendMail(mail: Mail): Promise<SendResult> {
  const smtp = smtpTransport();
  if (!smtp) {
    logInfo("mail.not_configured", { to: mail.to, subject: mail.subject });
    return { sent: false };
  }
  try {
    await smtp.sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return { sent: true };
  } catch (error) {
    logError("mail.send_failed", error, { to: mail.to, smtp: redactUrl(env().SMTP_URL ?? "") });
    return { sent: false };
  }
}
