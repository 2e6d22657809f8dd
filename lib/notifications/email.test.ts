import { describe, expect, it } from "vitest";
import { sendDigest, sendImmediate, type Recipient } from "./email";

const recipients: Recipient[] = [
  { email: "owner@x.test", role: "owner", preference: "immediately" },
  { email: "admin@x.test", role: "admin", preference: "daily" },
  { email: "off@x.test", role: "admin", preference: "off" },
  { email: "marketer@x.test", role: "marketer", preference: "immediately" },
];
const drift = { kind: "drift" as const, title: "A field mapping needs attention", body: "role was archived in Intercom.", link: "/integrations/intercom/mapping" };

describe("notification email", () => {
  it("mails owners and admins by their preference, never other roles", async () => {
    const sent: [string, string, string][] = [];
    const send = async (to: string, subject: string, text: string) => void sent.push([to, subject, text]);
    expect(await sendImmediate({ workspaceName: "Acme", notification: drift, recipients, baseUrl: "https://app.test/", send })).toEqual(["owner@x.test"]);
    expect(sent[0]).toEqual(["owner@x.test", "[Tailor · Acme] A field mapping needs attention", "A field mapping needs attention\nrole was archived in Intercom.\nhttps://app.test/integrations/intercom/mapping"]);
    expect(await sendDigest({ workspaceName: "Acme", notifications: [drift, { ...drift, link: null }], recipients, baseUrl: "https://app.test", send })).toEqual(["admin@x.test"]);
    expect(sent[1]![1]).toBe("[Tailor · Acme] 2 notifications today");
    expect(await sendDigest({ workspaceName: "Acme", notifications: [], recipients, baseUrl: "https://app.test", send })).toEqual([]);
  });
});
