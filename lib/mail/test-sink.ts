/**
 * A real SMTP server for tests (smtp-server, a devDependency): accepts every message, keeps it in
 * memory and, with `dir`, also writes it as JSON so another process (a Playwright worker) can read it.
 * Never imported by the app.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; links: string[]; receivedAt: number };

export type MailSink = {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** The newest message to `to` (and matching `subject`, if given), waiting up to `timeoutMs` for it. */
  waitFor: (to: string, opts?: { subject?: RegExp; timeoutMs?: number; after?: number }) => Promise<ReceivedMail>;
  close: () => Promise<void>;
};

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), which nodemailer uses for non-ASCII subjects. */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    );
}

/** Decodes just enough MIME for tests: quoted-printable soft breaks and escapes, folded headers. */
export function parseMail(raw: string, envelopeTo: string[], from: string): ReceivedMail {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const subject = decodeWords(/^subject:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? "");
  const body = rest
    .join("\n\n")
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const links = [...new Set(body.match(/https?:\/\/[^\s"<>]+/g) ?? [])];
  return { to: envelopeTo.map((t) => t.toLowerCase()), from, subject, text: body, links, receivedAt: Date.now() };
}

export async function startMailSink(opts: { port?: number; dir?: string } = {}): Promise<MailSink> {
  const messages: ReceivedMail[] = [];
  if (opts.dir) mkdirSync(opts.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const mail = parseMail(Buffer.concat(chunks).toString("utf8"), to, from);
        messages.push(mail);
        if (opts.dir) writeFileSync(path.join(opts.dir, `${mail.receivedAt}-${messages.length}.json`), JSON.stringify(mail));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor: (to, o = {}) => waitForMail(() => messages, to, o),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitForMail(
  read: () => ReceivedMail[] | Promise<ReceivedMail[]>,
  to: string,
  { subject, timeoutMs = 10_000, after = 0 }: { subject?: RegExp; timeoutMs?: number; after?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = (await read())
      .filter((m) => m.to.includes(to.toLowerCase()) && m.receivedAt >= after && (!subject || subject.test(m.subject)))
      .sort((a, b) => b.receivedAt - a.receivedAt)[0];
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
