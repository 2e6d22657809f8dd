import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailSink, type MailSink } from "./test-sink";
import { invitationMail } from "./templates";

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "Tailor Test <tests@tailor.test>";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe("sendMail over real SMTP", () => {
  it("delivers a message the sink can read, link intact and names escaped in HTML", async () => {
    const { sendMail } = await import("./index");
    const link = `http://127.0.0.1:3000/invite/${"x".repeat(80)}`;
    const mail = invitationMail({ to: "Ada@Example.test", workspaceName: "<Acme>", inviterName: "Owner", roleLabel: "Admin", link, expiresAt: new Date() });
    expect(mail.html).toContain("&lt;Acme&gt;");
    expect(mail.html).not.toContain("<Acme>");
    expect(await sendMail(mail)).toEqual({ sent: true });
    const received = await sink.waitFor("ada@example.test");
    expect(received.subject).toBe("You're invited to <Acme> on Tailor");
    expect(received.from).toBe("tests@tailor.test");
    expect(received.links).toContain(link);
  });
});
