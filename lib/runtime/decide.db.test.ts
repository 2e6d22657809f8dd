import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { connectIntercom } from "@/lib/intercom-integration/connection";
import { connectIntercomSchema } from "@/lib/intercom-integration/schema";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { contactCache } from "@/lib/intercom-integration/contact-cache";
import { decide } from "./decide";
import { identifyVisitor } from "./visitors";

let emulator: IntercomEmulator;
let actor: { workspaceId: string; userId: string };
let calls: string[];

beforeAll(async () => {
  calls = [];
  emulator = await startIntercomEmulator({ port: 0, onExchange: (e) => calls.push(`${e.method} ${e.route ?? e.path}`) });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  emulator.reset();
  const ws = await createWorkspace("Decide Co");
  const { user } = await createMember(ws.id, "admin");
  actor = { workspaceId: ws.id, userId: user.id };
  await connectIntercom(actor, connectIntercomSchema.parse({ token: emulator.tokens.US.full, region: "US" }));
  await savePersonalization(actor, {
    placementKey: "hero",
    name: "Hero",
    defaultHtml: "<h1>Hello there</h1>",
    variants: [
      {
        id: "vip",
        name: "VIP",
        rule: { type: "group", combinator: "and", children: [{ id: "c1", type: "tag", operator: "has", tag: "VIP" }] },
        html: "<h1>Welcome back</h1><p>Your color: {{intercom.favorite_color | fallback: \"unknown\"}}</p>",
      },
    ],
  });
  await publishDraft(actor);
  calls.length = 0;
});

describe("decide", () => {
  it("anonymous visitors get the default and cost no Intercom call", async () => {
    const decision = await decide(actor.workspaceId, "anon-visitor-1", ["hero"]);
    expect(decision).toEqual({ placements: { hero: { html: "<h1>Hello there</h1>", variant: null, arm: "default" } }, identified: false });
    expect(calls).toEqual([]);
  });

  it("an identified VIP gets the variant with merge tags, and later decisions come from the cache", async () => {
    expect(await identifyVisitor(actor.workspaceId, "visitor-ada-1", { email: "ADA@example.com" }, "verified")).toMatchObject({ linked: true });
    const decision = await decide(actor.workspaceId, "visitor-ada-1", ["hero"]);
    expect(decision.placements.hero).toEqual({ html: "<h1>Welcome back</h1><p>Your color: teal</p>", variant: "VIP", arm: "variant:vip" });
    // The search returns the whole contact and tag names come from the workspace catalogue: no GET contact, no per-contact tag read.
    expect(calls).toEqual(["POST /contacts/search", "GET /tags"]);
    const reads = calls.length;
    await decide(actor.workspaceId, "visitor-ada-1", ["hero"]);
    await decide(actor.workspaceId, "visitor-ada-1", ["hero"]);
    expect(calls.length).toBe(reads);
  });

  it("reads a contact's tags only when it has more than the contact object embeds", async () => {
    await identifyVisitor(actor.workspaceId, "visitor-taggy", { email: "taggy@example.com" }, "verified");
    expect(calls.filter((c) => c.startsWith("GET /contacts/{contact_id}/tags"))).toHaveLength(1);
  });

  it("escapes a <script> value from Intercom", async () => {
    await savePersonalization(actor, { placementKey: "color", name: "Color", defaultHtml: "<b>{{intercom.favorite_color}}</b>", variants: [] });
    await publishDraft(actor);
    await identifyVisitor(actor.workspaceId, "visitor-mallory", { email: "mallory@example.com" }, "verified");
    const decision = await decide(actor.workspaceId, "visitor-mallory", ["color"]);
    expect(decision.placements.color!.html).toBe("<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>");
  });

  it("records which contact was chosen when several share an email", async () => {
    const result = await identifyVisitor(actor.workspaceId, "visitor-sam-1", { email: "sam@example.com" }, "verified");
    expect(result.reason).toMatch(/3 matches \(1 user, 2 lead\)/);
    const [visitor] = await getDb().select().from(tables.visitors).where(eq(tables.visitors.anonymousId, "visitor-sam-1"));
    expect(visitor).toMatchObject({ email: "sam@example.com", linkReason: result.reason });
    expect(visitor!.intercomContactId).toBe(result.intercomContactId);
  });

  it("falls back to the default, and says so, when Intercom is down", async () => {
    await identifyVisitor(actor.workspaceId, "visitor-ada-2", { email: "ada@example.com" }, "verified");
    const [visitor] = await getDb().select().from(tables.visitors).where(eq(tables.visitors.anonymousId, "visitor-ada-2"));
    contactCache().invalidate(actor.workspaceId, visitor!.intercomContactId!);
    emulator.faults.set({ errorRate: 1, errorStatus: 503 });
    const decision = await decide(actor.workspaceId, "visitor-ada-2", ["hero"]);
    expect(decision).toMatchObject({ placements: { hero: { variant: null, html: "<h1>Hello there</h1>" } }, fallback: { reason: expect.stringMatching(/unavailable/) } });
    emulator.faults.clear();
  });

  it("keeps an email without a contact and serves the default", async () => {
    expect(await identifyVisitor(actor.workspaceId, "visitor-new", { email: "nobody@example.com" }, "verified")).toMatchObject({ linked: false });
    const decision = await decide(actor.workspaceId, "visitor-new", ["hero"]);
    expect(decision).toMatchObject({ identified: true, placements: { hero: { variant: null } }, fallback: { reason: "no Intercom contact has this email" } });
  });
});
