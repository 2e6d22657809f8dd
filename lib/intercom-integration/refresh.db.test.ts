import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { listAudit } from "@/lib/audit";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { listNotifications } from "@/lib/notifications";
import { getPublishStatus, publishDraft } from "@/lib/publishing/versions";
import { recordAnswer } from "@/lib/runtime/answers";
import { SyncWorker } from "@/lib/sync";
import { setUpSyncWorkspace, syncFixture, TEST_SYNC_CONFIG } from "@/lib/sync/test-support";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { connectIntercom, getConnectionView, withIntercom } from "./connection";
import { flushHealth, getConnectionHealth, noteOutcome } from "./health";
import { runScheduledRefresh } from "./refresh";

let emulator: IntercomEmulator;

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture() });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());
beforeEach(() => emulator.reset());

const control = (path: string, body: unknown) => fetch(`${emulator.controlUrl}${path}`, { method: "POST", body: JSON.stringify(body) });
const later = (ms: number) => new Date(Date.now() + ms);
// Other tests' workspaces share the database: look at this one's outcome only.
const refreshOf = async (workspaceId: string, options: Parameters<typeof runScheduledRefresh>[0]) =>
  (await runScheduledRefresh(options)).filter((o) => o.workspaceId === workspaceId);

describe("scheduled refresh", { timeout: 30_000 }, () => {
  it("finds drift, notifies, blocks publishing and parks writes; un-archiving restores all of it", async () => {
    const { workspaceId, actor } = await setUpSyncWorkspace(emulator);
    await runScheduledRefresh({ intervalMs: 1_000 }); // first pass: records the baseline
    await control("/data-attributes/archive", { region: "US", name: "tailor_role" });

    // Not due yet: nothing happens before the interval.
    expect(await refreshOf(workspaceId, { intervalMs: 60_000 })).toEqual([]);
    const [outcome] = await refreshOf(workspaceId, { intervalMs: 1_000, now: later(2_000) });
    expect(outcome!.summary).toMatchObject({ archived: 1, newlyDrifted: [{ attributeName: "tailor_role", reason: "archived" }] });
    expect((await listNotifications(workspaceId, actor.userId))[0]).toMatchObject({ kind: "drift", title: "A field mapping needs attention" });
    expect((await listAudit(workspaceId))[0]).toMatchObject({ action: "intercom.attributes_refreshed", details: { archived: ["tailor_role"] } });

    // Publishing a draft change is refused while the enabled mapping targets an archived attribute.
    await getDb().update(tables.fieldMappings).set({ writePolicy: "only_if_empty" }).where(eq(tables.fieldMappings.workspaceId, workspaceId));
    const status = await getPublishStatus(workspaceId);
    expect(status.blockers.join("\n")).toMatch(/Field mapping ".*→ tailor_role": tailor_role was archived in Intercom/);
    await expect(publishDraft(actor)).rejects.toThrow(/tailor_role was archived in Intercom/);

    // A write for the drifted attribute is parked with the reason, not failed.
    const contact = [...emulator.state.workspace("US").contacts.values()].find((c) => c.email === "ada@example.com")!;
    await getDb().insert(tables.visitors).values({ workspaceId, anonymousId: "anon-drift", intercomContactId: contact.id, email: contact.email, identifiedBy: "verified", lastSeenAt: new Date() });
    await recordAnswer(workspaceId, "anon-drift", "describes_you", ["founder"]);
    await new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 10_000 });
    const j = tables.syncJobs;
    const [parked] = await getDb().select().from(j).where(and(eq(j.workspaceId, workspaceId), eq(j.status, "paused")));
    expect(parked).toMatchObject({ lastErrorCode: "mapping_needs_attention", lastErrorMessage: expect.stringMatching(/^Parked: tailor_role was archived in Intercom/) });

    // Un-archive: "restored" in the activity feed, drift cleared, publish allowed, the parked write resumes and lands.
    await control("/data-attributes/archive", { region: "US", name: "tailor_role", archived: false });
    const [again] = await refreshOf(workspaceId, { intervalMs: 1_000, now: later(4_000) });
    expect(again!.summary).toMatchObject({ restored: 1, cleared: [{ attributeName: "tailor_role" }] });
    expect((await listAudit(workspaceId))[0]).toMatchObject({ action: "intercom.attributes_refreshed", details: { restored: ["tailor_role"] } });
    expect((await getPublishStatus(workspaceId)).blockers).toEqual([]);
    await new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 10_000 });
    const [done] = await getDb().select().from(j).where(eq(j.id, parked!.id));
    expect(done!.status).toBe("done");
    expect(emulator.state.workspace("US").contacts.get(contact.id)!.custom_attributes.tailor_role).toBe("founder");
  });

  it("a 401 period flips the connection to needs attention; a later refresh recovers it by itself", async () => {
    const { workspaceId, actor } = await setUpSyncWorkspace(emulator, []);
    await control("/tokens/suspend", { token: emulator.tokens.US.full, ms: 400 });
    await expect(withIntercom(workspaceId, (c) => c.getWorkspace())).rejects.toMatchObject({ kind: "invalid_token" });
    expect(await getConnectionHealth(workspaceId)).toMatchObject({ state: "needs_attention", label: "Needs attention" });

    await new Promise((r) => setTimeout(r, 450));
    const [outcome] = await refreshOf(workspaceId, { intervalMs: 1_000, now: later(2_000) });
    expect(outcome!.recheck).toMatchObject({ ok: true, recovered: true });
    expect(await getConnectionView(workspaceId)).toMatchObject({ status: "connected" });
    await flushHealth();
    // The probe's deliberate 404/400 are not failures of the connection.
    expect(await getConnectionHealth(workspaceId)).toMatchObject({ state: "healthy", failures: {} });
    expect((await listNotifications(workspaceId, actor.userId)).map((n) => n.title)).toEqual(["Intercom connection recovered", "Intercom connection needs attention"]);
  });

  it("a read-only token connects as read-only and nothing is queued", async () => {
    const ws = await createWorkspace("Read Only Co");
    const { user } = await createMember(ws.id, "owner");
    await connectIntercom({ workspaceId: ws.id, userId: user.id }, { token: emulator.tokens.US.readOnly, region: "US" });
    expect(await getConnectionHealth(ws.id)).toMatchObject({ state: "read_only", label: "Connected · read-only: write-back is off", canWrite: false });
    expect((await listNotifications(ws.id, user.id))[0]).toMatchObject({ kind: "read_only" });
  });
});

describe("health from real traffic", () => {
  it("counts failures by kind since the last success, and a success clears them", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, []);
    noteOutcome(workspaceId, "read", 503);
    noteOutcome(workspaceId, "write", 429);
    await flushHealth();
    expect(await getConnectionHealth(workspaceId)).toMatchObject({
      state: "degraded",
      failures: { server_error: 1, rate_limited: 1 },
      detail: expect.stringMatching(/^1 rate limit \(429\), 1 server error \(5xx\) since the last successful call/),
    });
    await withIntercom(workspaceId, (c) => c.getWorkspace());
    await flushHealth();
    const health = await getConnectionHealth(workspaceId);
    expect(health).toMatchObject({ state: "healthy", failures: {} });
    expect(health.lastReadOkAt).toBeInstanceOf(Date);
  });
});
