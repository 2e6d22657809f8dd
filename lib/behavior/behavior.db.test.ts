import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { seedDemoBehavior } from "@/lib/dev/seed-behavior";
import { seedDemoFlow } from "@/lib/dev/seed-flow";
import { seedDemoWebsite } from "@/lib/dev/seed-website";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { identifyVisitor } from "@/lib/runtime/visitors";
import { jobsOf, syncFixture, TEST_SYNC_CONFIG } from "@/lib/sync/test-support";
import { SyncWorker } from "@/lib/sync/worker";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { recordPageView, recordTrack } from "@/lib/runtime/behavior-visits";

// Page views and Tailor.track through the demo's rules and behaviour-field mappings, to the emulator.

let emulator: IntercomEmulator;
beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture() });
  process.env.INTERCOM_BASE_URL_US = emulator.baseUrls.US;
});
afterAll(async () => emulator.close());
beforeEach(() => emulator.reset());

async function demoWorkspace() {
  const ws = await createWorkspace("Behaviour Co");
  await createMember(ws.id, "owner");
  await seedDemoWebsite(ws.slug, emulator.tokens.US.full);
  await seedDemoFlow(ws.slug);
  await seedDemoBehavior(ws.slug);
  return ws.id;
}

describe("behaviour to Intercom", () => {
  it("page views count visits and keep the first touch; pricing and track calls become events after a verified identify", async () => {
    const workspaceId = await demoWorkspace();
    const t0 = new Date(Date.now() - 3 * 3_600_000);
    await recordPageView(workspaceId, "anon-behaviour-1", { id: "pv-00000001", path: "/demo-site", utm: { source: "newsletter", medium: "email" } }, t0);
    await recordPageView(workspaceId, "anon-behaviour-1", { id: "pv-00000002", path: "/demo-site/pricing", url: "https://acme.test/demo-site/pricing" }, new Date(t0.getTime() + 60_000));
    // Same report again (a retried request): still one event.
    await recordPageView(workspaceId, "anon-behaviour-1", { id: "pv-00000002", path: "/demo-site/pricing" }, new Date(t0.getTime() + 61_000));
    // An hour later: a second visit, from an ad (first touch stays "newsletter").
    const { visitCount } = await recordPageView(workspaceId, "anon-behaviour-1", { id: "pv-00000003", path: "/demo-site/blog", utm: { source: "ads" } }, new Date(t0.getTime() + 3_600_000));
    expect(visitCount).toBe(2);
    await recordTrack(workspaceId, "anon-behaviour-1", { id: "tr-00000001", key: "signup_started", properties: { plan: "growth" } });
    await recordTrack(workspaceId, "anon-behaviour-1", { id: "tr-00000002", key: "not_configured" });

    const events = (await jobsOf(workspaceId)).filter((j) => j.kind === "event");
    expect(events.map((e) => [e.eventName, e.status]).sort()).toEqual([
      ["started-signup", "waiting_identification"],
      ["viewed-pricing", "waiting_identification"],
    ]);

    const contact = emulator.state.addContact("US", { email: "behaviour@example.com" }, 0);
    await identifyVisitor(workspaceId, "anon-behaviour-1", { intercomContactId: contact.id }, "verified");
    await new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 15_000 });
    const stored = emulator.state.workspace("US").events.filter((e) => e.contactId === contact.id);
    expect(stored.map((e) => e.event_name)).toEqual(["viewed-pricing", "started-signup"]);
    expect(stored[0]!.created_at).toBe(Math.floor((t0.getTime() + 60_000) / 1000));
    expect(stored[0]!.metadata).toMatchObject({ path: "/demo-site/pricing", url: "https://acme.test/demo-site/pricing", visit_count: 1 });
    expect(stored[1]!.metadata).toEqual({ key: "signup_started", plan: "growth" });
    expect(emulator.state.workspace("US").contacts.get(contact.id)!.custom_attributes).toMatchObject({ tailor_visit_count: 2, tailor_first_utm_source: "newsletter" });
    const [behavior] = await getDb().select().from(tables.visitorBehavior).where(eq(tables.visitorBehavior.workspaceId, workspaceId));
    expect(behavior).toMatchObject({ visitCount: 2, firstUtmSource: "newsletter", firstUtmMedium: "email", lastPage: "/demo-site/blog" });
  }, 30_000);
});
