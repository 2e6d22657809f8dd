import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailSink, type MailSink } from "@/lib/mail/test-sink";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { getEmailPreference, sendDueDigests, setEmailPreference } from "./email-delivery";
import { notify, notifyMember } from "./notifications";

// Real SMTP: lib/mail sends to an in-process smtp-server sink, and the tests read what arrived.
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = "https://tailor.example.test";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

let acme: Awaited<ReturnType<typeof createWorkspace>>;
let owner: Awaited<ReturnType<typeof createMember>>;
let admin: Awaited<ReturnType<typeof createMember>>;
let marketer: Awaited<ReturnType<typeof createMember>>;
beforeEach(async () => {
  sink.messages.length = 0;
  acme = await createWorkspace("Acme <Shop>");
  owner = await createMember(acme.id, "owner");
  admin = await createMember(acme.id, "admin");
  marketer = await createMember(acme.id, "marketer");
});

const drift = { kind: "drift" as const, title: "A field mapping needs attention", body: "plan was archived in Intercom.", link: "/integrations/intercom/mapping" };
const recipientsOf = () => sink.messages.flatMap((m) => m.to).sort();

describe("notification emails", () => {
  it("mails owners/admins who chose immediately at once, with a link; never a marketer", async () => {
    expect(await getEmailPreference(acme.id, owner.user.id)).toBe("daily");
    await setEmailPreference(acme.id, owner.user.id, "immediately");
    await setEmailPreference(acme.id, admin.user.id, "off");
    expect(await notify(acme.id, drift)).toBe(true);
    const mail = await sink.waitFor(owner.user.email, { subject: /field mapping/ });
    expect(mail.subject).toBe("[Tailor · Acme <Shop>] A field mapping needs attention");
    expect(mail.text).toContain("plan was archived in Intercom.");
    expect(mail.links).toContain("https://tailor.example.test/integrations/intercom/mapping");
    // The dedupe window suppresses a repeat: no second mail either.
    expect(await notify(acme.id, drift)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(recipientsOf()).toEqual([owner.user.email.toLowerCase()]);
    expect(recipientsOf()).not.toContain(marketer.user.email.toLowerCase());
  });

  it("sends the daily digest once per interval, to members on the digest (the default) only", async () => {
    await setEmailPreference(acme.id, admin.user.id, "off");
    // The owner never chose: the default digest covers the last interval.
    await notify(acme.id, drift);
    await notify(acme.id, { kind: "connection", title: "Intercom connection lost", body: "The token was revoked.", link: "/integrations/intercom" });
    const now = new Date(Date.now() + 1_000);
    expect(await sendDueDigests({ intervalMs: 60_000, now })).toBe(1);
    const mail = await sink.waitFor(owner.user.email, { subject: /2 notifications today/ });
    expect(mail.text).toContain("Intercom connection lost");
    expect(mail.text).toContain("plan was archived in Intercom.");
    // Not due again until the interval has passed; then only what is new is mailed (nothing: no mail).
    expect(await sendDueDigests({ intervalMs: 60_000, now: new Date(now.getTime() + 1_000) })).toBe(0);
    expect(await sendDueDigests({ intervalMs: 60_000, now: new Date(now.getTime() + 61_000) })).toBe(0);
    expect(recipientsOf()).toEqual([owner.user.email.toLowerCase()]);
  });

  it("two workers racing for the same digest send it once", async () => {
    await setEmailPreference(acme.id, admin.user.id, "off");
    await notify(acme.id, drift);
    const now = new Date(Date.now() + 1_000);
    const sent = await Promise.all([sendDueDigests({ intervalMs: 60_000, now }), sendDueDigests({ intervalMs: 60_000, now })]);
    expect(sent[0]! + sent[1]!).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages).toHaveLength(1);
  });
});

describe("emails of notifications addressed to one member", () => {
  it("mail that member alone, if an owner/admin who chose immediately; never a marketer", async () => {
    const request = { kind: "publish_request" as const, title: "Sam asks to publish 2 changes", body: "Launch copy", link: "/personalizations/requests/r1" };
    await setEmailPreference(acme.id, owner.user.id, "immediately");
    await setEmailPreference(acme.id, admin.user.id, "immediately");
    await notifyMember(acme.id, admin.user.id, request);
    const mail = await sink.waitFor(admin.user.email, { subject: /asks to publish/ });
    expect(mail.subject).toBe("[Tailor · Acme <Shop>] Sam asks to publish 2 changes");
    expect(mail.links).toContain("https://tailor.example.test/personalizations/requests/r1");

    // A marketer, and an admin on the digest, get nothing now; the digest carries it later.
    await notifyMember(acme.id, marketer.user.id, { ...request, title: "For the marketer" });
    await setEmailPreference(acme.id, admin.user.id, "daily");
    await notifyMember(acme.id, admin.user.id, { ...request, title: "For the digest" });
    await new Promise((r) => setTimeout(r, 300));
    expect(recipientsOf()).toEqual([admin.user.email.toLowerCase()]);
    const now = new Date(Date.now() + 1_000);
    await sendDueDigests({ intervalMs: 0, now });
    const digest = await sink.waitFor(admin.user.email, { subject: /notifications? today/ });
    expect(digest.text).toContain("For the digest");
    expect(digest.text).not.toContain("For the marketer");
  });
});
