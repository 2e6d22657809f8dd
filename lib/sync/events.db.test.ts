import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { recordAnswer } from "@/lib/runtime/answers";
import { enqueueEvent, promoteWaitingEvents } from "./events";
import { attemptsOf, jobsOf, linkedVisitor, setUpSyncWorkspace, syncFixture, TEST_SYNC_CONFIG } from "./test-support";
import { SyncWorker } from "./worker";

// Data events through the sync engine, against the emulator over real HTTP.

let emulator: IntercomEmulator;
beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture() });
  process.env.INTERCOM_BASE_URL_US = emulator.baseUrls.US;
});
afterAll(async () => emulator.close());
beforeEach(() => emulator.reset());

const storedEvents = (contactId?: string) => emulator.state.workspace("US").events.filter((e) => !contactId || e.contactId === contactId);

async function visitorRow(workspaceId: string, anonymousId: string) {
  const [row] = await getDb().select().from(tables.visitors).where(eq(tables.visitors.anonymousId, anonymousId));
  if (!row || row.workspaceId !== workspaceId) throw new Error("no visitor");
  return row;
}

async function event(workspaceId: string, anonymousId: string, name: string, at: Date, key: string, metadata: Record<string, string | number> = {}) {
  const visitor = await visitorRow(workspaceId, anonymousId);
  return getDb().transaction((tx) => enqueueEvent(tx, { workspaceId, visitor, eventName: name, occurredAt: at, metadata, idempotencyKey: key }));
}

async function anonymousVisitor(workspaceId: string, anonymousId: string) {
  await getDb().insert(tables.visitors).values({ workspaceId, anonymousId, lastSeenAt: new Date() });
}

const worker = () => new SyncWorker({ config: { ...TEST_SYNC_CONFIG } });

describe("data events", () => {
  it("are sent with the behaviour's own second and their metadata, once per behaviour, never coalesced", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const v = await linkedVisitor(emulator, workspaceId, "ev-sent");
    const at = new Date("2026-11-01T10:00:00.750Z");
    expect(await event(workspaceId, v.anonymousId, "completed-flow", at, "flow:1", { flow: "Welcome", steps: 3, completed_date: 1_790_000_000 })).not.toBeNull();
    // The same behaviour reported again is not a second event.
    expect(await event(workspaceId, v.anonymousId, "completed-flow", at, "flow:1", { flow: "Welcome" })).toBeNull();
    await event(workspaceId, v.anonymousId, "viewed-pricing", at, "page:1", { url: "https://acme.test/pricing" });
    // An answer for the same contact is an attribute write of its own; events never merge into it.
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    const jobs = await jobsOf(workspaceId);
    expect(jobs.map((j) => j.kind).sort()).toEqual(["event", "event", "sync"]);

    await worker().drain({ timeoutMs: 10_000 });
    const events = storedEvents(v.contactId);
    expect(events.map((e) => [e.event_name, e.created_at]).sort()).toEqual([
      ["completed-flow", Math.floor(at.getTime() / 1000)],
      ["viewed-pricing", Math.floor(at.getTime() / 1000)],
    ]);
    expect(events.find((e) => e.event_name === "completed-flow")!.metadata).toEqual({ flow: "Welcome", steps: 3, completed_date: 1_790_000_000 });
    const done = await jobsOf(workspaceId);
    expect(done.every((j) => j.status === "done")).toBe(true);
    const flowJob = done.find((j) => j.eventName === "completed-flow")!;
    expect(flowJob.intercomStatus).toBe(202);
    expect(flowJob.sentValues).toEqual(flowJob.values);
    const attempts = await attemptsOf(flowJob.id);
    expect(attempts.map((a) => [a.operation, a.outcome, a.httpStatus])).toEqual([["write", "ok", 202]]);
  });

  it("an anonymous visitor's events wait until a verified identity links them, then go out oldest first; old ones expire", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, []);
    await anonymousVisitor(workspaceId, "anon-events");
    const base = Date.now() - 60_000;
    await event(workspaceId, "anon-events", "viewed-pricing", new Date(base + 2_000), "p:2");
    await event(workspaceId, "anon-events", "visited-home", new Date(base), "p:1");
    await event(workspaceId, "anon-events", "clicked-cta", new Date(base + 4_000), "c:1");
    await event(workspaceId, "anon-events", "visited-blog", new Date(Date.now() - 31 * 86_400_000), "p:old");
    const w = worker();
    await w.drain({ timeoutMs: 5_000 });
    expect(storedEvents()).toHaveLength(0);
    const waitingOrExpired = async () => (await jobsOf(workspaceId)).map((j) => `${j.idempotencyKey}:${j.status}:${j.lastErrorCode ?? ""}`).sort();
    // Past the 30-day window an event expires even before anyone is identified.
    expect(await waitingOrExpired()).toEqual(["c:1:waiting_identification:", "p:1:waiting_identification:", "p:2:waiting_identification:", "p:old:failed:expired"]);

    // Identified but not verified: still waiting.
    const contact = emulator.state.addContact("US", { email: "anon-events@sync.example" }, 0);
    const v = tables.visitors;
    await getDb().update(v).set({ email: contact.email, intercomContactId: contact.id, identifiedBy: "unverified", identifiedAt: new Date() }).where(eq(v.anonymousId, "anon-events"));
    await promoteWaitingEvents();
    expect(await waitingOrExpired()).toEqual(["c:1:waiting_identification:", "p:1:waiting_identification:", "p:2:waiting_identification:", "p:old:failed:expired"]);

    // Verified: sent in time order.
    await getDb().update(v).set({ identifiedBy: "verified" }).where(eq(v.anonymousId, "anon-events"));
    await promoteWaitingEvents();
    await w.drain({ timeoutMs: 10_000 });
    const sent = storedEvents(contact.id).sort((a, b) => a.received_at - b.received_at);
    expect(sent.map((e) => e.event_name)).toEqual(["visited-home", "viewed-pricing", "clicked-cta"]);
    const old = (await jobsOf(workspaceId)).find((j) => j.idempotencyKey === "p:old")!;
    expect([old.status, old.lastErrorCode]).toEqual(["failed", "expired"]);
  });

  it("a write that timed out after Intercom took it is checked by reading back, not sent twice", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, []);
    const v = await linkedVisitor(emulator, workspaceId, "ev-timeout");
    await event(workspaceId, v.anonymousId, "completed-flow", new Date(), "t:1", { flow: "Welcome" });
    // The emulator answers after the write timeout: the event is stored, the worker sees a timeout.
    emulator.faults.set({ lateAnswerMs: 1_000, pathPrefix: "/events" });
    const w = new SyncWorker({ config: { ...TEST_SYNC_CONFIG, writeTimeoutMs: 300, readTimeoutMs: 300 } });
    w.start();
    await expect.poll(() => storedEvents(v.contactId).length, { timeout: 8_000 }).toBe(1);
    emulator.faults.clear();
    await w.drain({ timeoutMs: 10_000 });
    const [job] = await jobsOf(workspaceId);
    expect([job!.status, job!.lastErrorCode]).toEqual(["done", "already_sent"]);
    expect(emulator.state.workspace("US").duplicateEvents).toBe(0);
    const attempts = await attemptsOf(job!.id);
    expect(attempts.map((a) => `${a.operation}:${a.outcome}`)).toEqual(["write:retryable", "read:ok"]);
  }, 20_000);

  it("an unknown contact fails the event with Intercom's 404; a 5xx is retried", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, []);
    const v = await linkedVisitor(emulator, workspaceId, "ev-404");
    const other = await linkedVisitor(emulator, workspaceId, "ev-500");
    emulator.state.workspace("US").contacts.delete(v.contactId);
    await event(workspaceId, v.anonymousId, "completed-flow", new Date(), "x:1");
    await event(workspaceId, other.anonymousId, "completed-flow", new Date(), "x:2");
    emulator.faults.set({ errorCount: 1, errorStatus: 503, pathPrefix: "/events" });
    await worker().drain({ timeoutMs: 10_000 });
    const jobs = await jobsOf(workspaceId);
    const gone = jobs.find((j) => j.idempotencyKey === "x:1")!;
    expect([gone.status, gone.lastErrorCode, gone.intercomStatus]).toEqual(["failed", "contact_not_found", 404]);
    const retried = jobs.find((j) => j.idempotencyKey === "x:2")!;
    expect(retried.status).toBe("done");
    expect(storedEvents(other.contactId)).toHaveLength(1);
  });
});
