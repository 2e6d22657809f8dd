import type { Mail } from "./index";
import { formatDateTime } from "@/lib/format";

// Every interpolated value is escaped for HTML; names and workspace names are user input.
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function layout(paragraphs: string[], link: string, label: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${body}
<p><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></p>
<p style="color:#666;font-size:12px">If the button does not work, paste this address into your browser: ${escapeHtml(link)}</p>
</body></html>`;
}

export function invitationMail(input: { to: string; workspaceName: string; inviterName: string; roleLabel: string; link: string; expiresAt: Date }): Mail {
  const lines = [
    `${input.inviterName} invited you to join ${input.workspaceName} on Tailor as ${input.roleLabel}.`,
    `The invitation works once and expires on ${formatDateTime(input.expiresAt)}.`,
    "If you did not expect it, ignore this email.",
  ];
  return {
    to: input.to,
    subject: `You're invited to ${input.workspaceName} on Tailor`,
    text: `${lines.join("\n\n")}\n\nAccept the invitation: ${input.link}\n`,
    html: layout(lines, input.link, "Accept the invitation"),
  };
}

export function passwordResetMail(input: { to: string; link: string; expiresInMinutes: number }): Mail {
  const lines = [
    "Someone asked to reset the password of your Tailor account.",
    `The link works once, for ${input.expiresInMinutes} minutes. Setting a new password signs you out everywhere.`,
    "If it wasn't you, ignore this email: your password stays as it is.",
  ];
  return {
    to: input.to,
    subject: "Reset your Tailor password",
    text: `${lines.join("\n\n")}\n\nChoose a new password: ${input.link}\n`,
    html: layout(lines, input.link, "Choose a new password"),
  };
}

/** A notification email: plain text as written by lib/notifications/email.ts, escaped line by line for HTML. */
export function notificationMail(input: { to: string; subject: string; text: string }): Mail {
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${input.text
    .split(/\n{2,}/)
    .map((block) => `<p>${block.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("\n")}
<p style="color:#666;font-size:12px">Change how you get these emails on the Notifications page.</p>
</body></html>`;
  return { to: input.to, subject: input.subject, text: `${input.text}\n\nChange how you get these emails on the Notifications page.\n`, html };
}

/** The answer to a publish request, to the member who asked (approved, or declined with the reviewer's reason). */
export function publishRequestAnswerMail(input: { to: string; workspaceName: string; title: string; lines: string[]; link: string }): Mail {
  return {
    to: input.to,
    subject: `[Tailor · ${input.workspaceName}] ${input.title}`,
    text: `${input.lines.join("\n\n")}\n\nOpen the request: ${input.link}\n`,
    html: layout(input.lines, input.link, "Open the request"),
  };
}
