import { rmSync } from "node:fs";
import { startMailSink } from "@/lib/mail/test-sink";
import { e2eMailDir, e2eMailPort } from "./mail";

// A real SMTP server for the run: the app sends invitations and reset links to it, tests read them.
export default async function globalSetup() {
  rmSync(e2eMailDir, { recursive: true, force: true });
  const sink = await startMailSink({ port: e2eMailPort, dir: e2eMailDir });
  return async () => {
    await sink.close();
  };
}
