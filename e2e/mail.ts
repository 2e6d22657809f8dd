import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitForMail, type ReceivedMail } from "@/lib/mail/test-sink";

/**
 * The e2e SMTP sink (started in e2e/global-setup.ts; the app's SMTP_URL points at it) writes each
 * message as JSON into this folder, so any Playwright worker can read a mailbox.
 */
export const e2eMailPort = Number(process.env.E2E_PORT ?? 3100) + 2000;
export const e2eMailDir = path.join(os.tmpdir(), `tailor-e2e-mail-${e2eMailPort}`);

function readAll(): ReceivedMail[] {
  let names: string[];
  try {
    names = readdirSync(e2eMailDir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(".json")).map((n) => JSON.parse(readFileSync(path.join(e2eMailDir, n), "utf8")) as ReceivedMail);
}

/** The newest mail to `to` (matching `subject`), waiting for it to arrive. */
export function mailTo(to: string, opts: { subject?: RegExp; after?: number } = {}): Promise<ReceivedMail> {
  return waitForMail(readAll, to, { ...opts, timeoutMs: 15_000 });
}

/** The one link in a mail that starts with the app's `path`. */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const link = mail.links.find((l) => new URL(l).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`no ${pathPrefix} link in mail "${mail.subject}"`);
  return link;
}

export function allMailTo(to: string): ReceivedMail[] {
  return readAll().filter((m) => m.to.includes(to.toLowerCase()));
}
