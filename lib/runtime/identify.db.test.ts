import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { computeUserHash } from "@/lib/identity/hash";
import { rotateIdentitySecret, updateIdentityPolicy } from "@/lib/identity/settings";
import { startIntercomEmulator, type IntercomEmulator, type RecordedExchange } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { contactAttributes, jobsOf, setUpSyncWorkspace, syncFixture, TEST_SYNC_CONFIG } from "@/lib/sync/test-support";
import { SyncWorker } from "@/lib/sync/worker";
import { recordAnswer } from "./answers";
import { decide } from "./decide";
import { identifyClaim } from "./identify";

// The attacks of issue 14, replayed against the real runtime, database and emulator.
let emulator: IntercomEmulator;
let exchanges: RecordedExchange[] = [];
let actor: { workspaceId: string; userId: string };
let secret: string;
let grace: { id: string; email: string };

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture(), onExchange: (e) => exchanges.push(e) });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  emulator.reset();
  ({ actor } = await setUpSyncWorkspace(emulator));
  secret = (await rotateIdentitySecret(actor)).secret;
  const contact = emulator.state.addContact("US", { email: "grace@id.example", name: "Grace Hopper", custom_attributes: { tailor_role: "engineer", favorite_color: "blue" } }, 0);
  grace = { id: contact.id, email: "grace@id.example" };
  await savePersonalization(actor, {
    placementKey: "hero",
    name: "Hero",
    defaultHtml: "<h1>Hello there</h1>",
    variants: [
      {
        id: "known",
        name: "Known",
        rule: { type: "group", combinator: "and", children: [{ id: "c1", type: "attribute", attribute: "intercom.tailor_role", operator: "exists" }] },
        html: '<h1>Welcome back, {{intercom.name | fallback: "friend"}}</h1>',
      },
    ],
  });
  await publishDraft(actor);
  exchanges = [];
});

const visitorRow = async (anonymousId: string) =>
  (await getDb().select().from(tables.visitors).where(eq(tables.visitors.anonymousId, anonymousId)))[0] ?? null;
const drain = () => new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 10_000 });

describe("identify under Required (the default)", () => {
  it("an unverified claim changes nothing, looks nothing up and reveals nothing", async () => {
    const answer = await identifyClaim(actor.workspaceId, "attacker-0001", { email: grace.email }, undefined);
    expect(answer).toEqual({ identified: false, verified: false });
    expect(await visitorRow("attacker-0001")).toBeNull();
    expect(exchanges).toEqual([]);
    const forged = await identifyClaim(actor.workspaceId, "attacker-0001", { email: grace.email }, computeUserHash("guessed-secret", grace.email));
    expect(forged).toEqual({ identified: false, verified: false });
    const decision = await decide(actor.workspaceId, "attacker-0001", ["hero"]);
    expect(decision).toEqual({ placements: { hero: { html: "<h1>Hello there</h1>", variant: null, arm: "default" } }, identified: false });
  });

  it("answers the same for an existing and a non-existing email", async () => {
    const a = await identifyClaim(actor.workspaceId, "probe-00001", { email: grace.email }, undefined);
    const b = await identifyClaim(actor.workspaceId, "probe-00002", { email: "nobody@id.example" }, undefined);
    expect(a).toEqual(b);
    const c = await identifyClaim(actor.workspaceId, "probe-00003", { email: grace.email }, computeUserHash(secret, grace.email));
    const d = await identifyClaim(actor.workspaceId, "probe-00004", { email: "nobody@id.example" }, computeUserHash(secret, "nobody@id.example"));
    expect(c).toEqual({ identified: true, verified: true });
    expect(d).toEqual(c);
  });

  it("a verified identity personalizes, and a rotated secret stops old hashes", async () => {
    const hash = computeUserHash(secret, grace.email);
    expect(await identifyClaim(actor.workspaceId, "grace-00001", { email: grace.email }, hash)).toEqual({ identified: true, verified: true });
    expect(await visitorRow("grace-00001")).toMatchObject({ intercomContactId: grace.id, identifiedBy: "verified" });
    const decision = await decide(actor.workspaceId, "grace-00001", ["hero"]);
    expect(decision.placements.hero).toEqual({ html: "<h1>Welcome back, Grace Hopper</h1>", variant: "Known", arm: expect.stringMatching(/^variant:/) });
    await rotateIdentitySecret(actor);
    expect(await identifyClaim(actor.workspaceId, "grace-00002", { email: grace.email }, hash)).toEqual({ identified: false, verified: false });
  });

  it("a new visitor's answer is never written to a contact they claimed without verification", async () => {
    await recordAnswer(actor.workspaceId, "attacker-0002", "describes_you", ["founder"]);
    await identifyClaim(actor.workspaceId, "attacker-0002", { email: grace.email }, undefined);
    await drain();
    expect(contactAttributes(emulator, grace.id)).toMatchObject({ tailor_role: "engineer" });
    expect(exchanges.filter((e) => e.method === "PUT")).toEqual([]);
  });
});

describe("identify under Verified for writes", () => {
  it("an unverified claim personalizes from attributes but never shows fields or writes", async () => {
    await updateIdentityPolicy(actor, "verified_for_writes");
    await recordAnswer(actor.workspaceId, "claimer-0001", "describes_you", ["founder"]);
    expect(await identifyClaim(actor.workspaceId, "claimer-0001", { email: grace.email }, undefined)).toEqual({ identified: true, verified: false });
    expect(await visitorRow("claimer-0001")).toMatchObject({ identifiedBy: "unverified" });
    const decision = await decide(actor.workspaceId, "claimer-0001", ["hero"]);
    expect(decision.placements.hero).toEqual({ html: "<h1>Welcome back, friend</h1>", variant: "Known", arm: expect.stringMatching(/^variant:/) });
    await recordAnswer(actor.workspaceId, "claimer-0001", "describes_you", ["developer"]);
    await drain();
    expect(contactAttributes(emulator, grace.id)).toMatchObject({ tailor_role: "engineer" });
    expect((await jobsOf(actor.workspaceId)).every((j) => j.contactId === null && j.status === "waiting_identification")).toBe(true);

    // The same visitor, now verified: the waiting answer goes to the contact, and the log says how.
    await identifyClaim(actor.workspaceId, "claimer-0001", { email: grace.email }, computeUserHash(secret, grace.email));
    await drain();
    expect(contactAttributes(emulator, grace.id)).toMatchObject({ tailor_role: "developer" });
    expect(await jobsOf(actor.workspaceId)).toEqual([expect.objectContaining({ status: "done", contactId: grace.id, identifiedBy: "verified" })]);
  });
});

describe("identify with verification Off", () => {
  it("accepts any claim, writes, and records that it was not verified", async () => {
    await updateIdentityPolicy(actor, "off");
    await recordAnswer(actor.workspaceId, "offsite-0001", "describes_you", ["founder"]);
    expect(await identifyClaim(actor.workspaceId, "offsite-0001", { email: grace.email }, undefined)).toEqual({ identified: true, verified: false });
    await drain();
    expect(contactAttributes(emulator, grace.id)).toMatchObject({ tailor_role: "founder" });
    expect(await jobsOf(actor.workspaceId)).toEqual([expect.objectContaining({ status: "done", identifiedBy: "policy_off" })]);
  });
});
