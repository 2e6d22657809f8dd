import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialect, getDb, tables } from "@/db/client";
import { connectIntercom, getConnectionView } from "@/lib/intercom-integration/connection";
import { startIntercomEmulator, type IntercomEmulator, type RecordedExchange } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { recordAnswer } from "@/lib/runtime/answers";
import { identifyVisitor, touchVisitor } from "@/lib/runtime/visitors";
import type { ClaimedJob } from "./claim";
import { attemptsOf, contactAttributes, jobsOf, linkedVisitor, SECOND_US_TOKEN, setMappings, setUpSyncWorkspace, syncFixture, TEST_SYNC_CONFIG, DEFAULT_MAPPINGS } from "./test-support";
import { SyncWorker, type WorkerHooks } from "./worker";

let emulator: IntercomEmulator;
let exchanges: RecordedExchange[] = [];

beforeAll(async () => {
  // Short rate windows so the 429 test waits 2 s, not 10.
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture(), rateLimitWindowMs: 2_000, onExchange: (e) => !isCapabilityProbe(e) && exchanges.push(e) });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(() => {
  emulator.reset();
  exchanges = [];
});

const worker = (config: Partial<SyncWorker["config"]> = {}, hooks?: WorkerHooks) =>
  new SyncWorker({ config: { ...TEST_SYNC_CONFIG, ...config }, hooks });
// The capability probe at connect (lib/intercom/client.ts) is not a sync write.
const isCapabilityProbe = (e: RecordedExchange) =>
  e.path === "/contacts/tailor-capability-probe" || (e.method === "POST" && e.path === "/data_attributes" && (e.status === 401 || (e.requestBody as { name?: string })?.name === "email"));
const puts = (contactId: string) => exchanges.filter((e) => e.method === "PUT" && e.path === `/contacts/${contactId}`);

describe("outbox and coalescing", () => {
  it("several answer changes for one contact become one PUT with the latest values", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const v = await linkedVisitor(emulator, workspaceId, "coalesce");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    await recordAnswer(workspaceId, v.anonymousId, "team_size", ["11_50"]);
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["developer"]);
    await recordAnswer(workspaceId, v.anonymousId, "looking_for", ["analytics", "automation"]);
    // Unchanged answer: nothing new to write.
    await recordAnswer(workspaceId, v.anonymousId, "team_size", ["11_50"]);

    const queued = await jobsOf(workspaceId);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: "pending", kind: "sync", contactId: v.contactId, contactEmail: v.email });
    expect(queued[0]!.values).toEqual({ tailor_role: "developer", tailor_team_size: 50, tailor_interests: "analytics,automation" });

    await worker().drain({ timeoutMs: 10_000 });
    expect(puts(v.contactId)).toHaveLength(1);
    expect(contactAttributes(emulator, v.contactId)).toMatchObject({ tailor_role: "developer", tailor_team_size: 50, tailor_interests: "analytics,automation" });
    const [done] = await jobsOf(workspaceId);
    expect(done).toMatchObject({ status: "done", intercomStatus: 200, attempts: 1, sentValues: queued[0]!.values });
    const attempts = await attemptsOf(done!.id);
    expect(attempts).toMatchObject([{ operation: "write", outcome: "ok", httpStatus: 200 }]);
  });

  it("an answer that no published mapping reads queues nothing; the answer and its write commit together", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, [DEFAULT_MAPPINGS[0]!]);
    const v = await linkedVisitor(emulator, workspaceId, "unmapped");
    await recordAnswer(workspaceId, v.anonymousId, "team_size", ["1_10"]);
    expect(await jobsOf(workspaceId)).toHaveLength(0);
    await expect(recordAnswer(workspaceId, v.anonymousId, "describes_you", ["nope"])).rejects.toMatchObject({ code: "invalid_answer" });
    expect(await jobsOf(workspaceId)).toHaveLength(0);
  });

  it("anonymous answers wait for identification, then go to the linked contact", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const contact = emulator.state.addContact("US", { email: "later@sync.example" }, 0);
    await recordAnswer(workspaceId, "anon-later", "describes_you", ["marketer"]);
    const [waiting] = await jobsOf(workspaceId);
    expect(waiting).toMatchObject({ status: "waiting_identification", contactId: null, values: { tailor_role: "marketer" } });

    await worker().drain({ timeoutMs: 5_000 }); // nothing runnable: waiting jobs stay
    expect((await jobsOf(workspaceId))[0]!.status).toBe("waiting_identification");
    expect(exchanges.filter((e) => e.method === "PUT")).toHaveLength(0);

    await recordAnswer(workspaceId, "anon-later", "team_size", ["51_plus"]);
    await identifyVisitor(workspaceId, "anon-later", { intercomContactId: contact.id }, "verified");
    const jobs = await jobsOf(workspaceId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "pending", contactId: contact.id, values: { tailor_role: "marketer", tailor_team_size: 51 } });
    await worker().drain({ timeoutMs: 10_000 });
    expect(contactAttributes(emulator, contact.id)).toMatchObject({ tailor_role: "marketer", tailor_team_size: 51 });
  });

  it("a running job that gets new values gets a follow-up job; the contact ends with the latest", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const v = await linkedVisitor(emulator, workspaceId, "followup");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    emulator.faults.set({ latencyMs: 300, pathPrefix: "/contacts" });
    const w = worker();
    let answered = false;
    const started = new Promise<void>((resolve) => {
      const timer = setInterval(async () => {
        const [job] = await jobsOf(workspaceId);
        if (job?.status === "running" && !answered) {
          answered = true;
          clearInterval(timer);
          await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["developer"]);
          resolve();
        }
      }, 10);
    });
    w.start();
    await started;
    const jobs = await jobsOf(workspaceId);
    expect(jobs.map((j) => j.status).sort()).toEqual(["pending", "running"]);
    await w.drain({ timeoutMs: 10_000 });
    emulator.faults.clear();
    expect(contactAttributes(emulator, v.contactId).tailor_role).toBe("developer");
    expect((await jobsOf(workspaceId)).every((j) => j.status === "done")).toBe(true);
  });
});

describe("write policy and conversions", () => {
  it("\"only when empty\" reads the contact first and leaves a set field alone", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, [
      { source: "“What best describes you?”", attribute: "tailor_role", conversion: "segment_name", writePolicy: "only_if_empty" },
      { source: "Role → Founder", attribute: "tailor_is_founder", conversion: "is_segment" },
    ]);
    const filled = await linkedVisitor(emulator, workspaceId, "filled", { tailor_role: "Set by sales" });
    const empty = await linkedVisitor(emulator, workspaceId, "empty");
    await recordAnswer(workspaceId, filled.anonymousId, "describes_you", ["founder"]);
    await recordAnswer(workspaceId, empty.anonymousId, "describes_you", ["founder"]);
    await worker().drain({ timeoutMs: 10_000 });

    expect(contactAttributes(emulator, filled.contactId)).toMatchObject({ tailor_role: "Set by sales", tailor_is_founder: true });
    expect(contactAttributes(emulator, empty.contactId)).toMatchObject({ tailor_role: "Founder", tailor_is_founder: true });
    const filledCalls = exchanges.filter((e) => e.path === `/contacts/${filled.contactId}`).map((e) => e.method);
    expect(filledCalls).toEqual(["GET", "PUT"]);
    expect(puts(filled.contactId)[0]!.requestBody).toEqual({ custom_attributes: { tailor_is_founder: true } });
  });
});

describe("permanent errors", () => {
  it("archived attribute, wrong type and a deleted contact fail once with the reason, never loop", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const archived = await linkedVisitor(emulator, workspaceId, "archived");
    const wrongType = await linkedVisitor(emulator, workspaceId, "wrongtype");
    const deleted = await linkedVisitor(emulator, workspaceId, "deleted");
    await recordAnswer(workspaceId, archived.anonymousId, "looking_for", ["analytics"]);
    await recordAnswer(workspaceId, wrongType.anonymousId, "team_size", ["1_10"]);
    await recordAnswer(workspaceId, deleted.anonymousId, "describes_you", ["founder"]);
    // Changes in Intercom after the mapping was made (Tailor's attribute cache doesn't know yet).
    emulator.state.setAttributeArchived("US", "tailor_interests", true);
    emulator.state.workspace("US").dataAttributes.find((a) => a.name === "tailor_team_size")!.data_type = "boolean";
    emulator.state.workspace("US").contacts.delete(deleted.contactId);

    await worker().drain({ timeoutMs: 10_000 });
    const byContact = new Map((await jobsOf(workspaceId)).map((j) => [j.contactId, j]));
    expect(byContact.get(archived.contactId)).toMatchObject({ status: "failed", lastErrorCode: "unknown_attribute", intercomStatus: 400, attempts: 1 });
    expect(byContact.get(archived.contactId)!.lastErrorMessage).toContain("tailor_interests");
    expect(byContact.get(wrongType.contactId)).toMatchObject({ status: "failed", lastErrorCode: "wrong_type", intercomStatus: 400, attempts: 1 });
    expect(byContact.get(deleted.contactId)).toMatchObject({ status: "failed", lastErrorCode: "contact_not_found", intercomStatus: 404, attempts: 1 });
    for (const c of [archived, wrongType, deleted]) expect(puts(c.contactId)).toHaveLength(1);
  });

  it("a mapping flagged by drift is left out of the write until fixed", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const v = await linkedVisitor(emulator, workspaceId, "drift");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    await recordAnswer(workspaceId, v.anonymousId, "team_size", ["1_10"]);
    const m = tables.fieldMappings;
    await getDb().update(m).set({ driftReason: "archived" }).where(eq(m.attributeName, "tailor_role"));
    await worker().drain({ timeoutMs: 10_000 });
    expect(puts(v.contactId)[0]!.requestBody).toEqual({ custom_attributes: { tailor_team_size: 10 } });
  });

  it("a revoked token pauses the workspace's jobs (Needs attention) and they resume after reconnect", async () => {
    const { workspaceId, actor } = await setUpSyncWorkspace(emulator);
    const a = await linkedVisitor(emulator, workspaceId, "revoke-a");
    const b = await linkedVisitor(emulator, workspaceId, "revoke-b");
    emulator.state.revokeToken(emulator.tokens.US.full);
    await recordAnswer(workspaceId, a.anonymousId, "describes_you", ["founder"]);
    await recordAnswer(workspaceId, b.anonymousId, "describes_you", ["marketer"]);
    await worker().drain({ timeoutMs: 10_000 });

    expect((await getConnectionView(workspaceId)).status).toBe("needs_attention");
    const paused = await jobsOf(workspaceId);
    expect(paused.map((j) => j.status)).toEqual(["paused", "paused"]);
    expect(paused.some((j) => j.lastErrorCode === "invalid_token")).toBe(true);
    // Jobs already in flight got their own 401; nothing else was tried.
    expect(exchanges.filter((e) => e.method === "PUT").every((e) => e.status === 401)).toBe(true);

    // New answers while paused still coalesce into the paused job.
    await recordAnswer(workspaceId, a.anonymousId, "describes_you", ["developer"]);
    expect((await jobsOf(workspaceId)).filter((j) => j.status === "paused")).toHaveLength(2);

    await connectIntercom(actor, { token: SECOND_US_TOKEN, region: "US" });
    await worker().drain({ timeoutMs: 10_000 });
    expect((await jobsOf(workspaceId)).map((j) => j.status)).toEqual(["done", "done"]);
    expect(contactAttributes(emulator, a.contactId).tailor_role).toBe("developer");
    expect(contactAttributes(emulator, b.contactId).tailor_role).toBe("marketer");
  });
});

describe("transient errors and rate limits", () => {
  it("5xx: exponential backoff with jitter, then done; every attempt is logged", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const v = await linkedVisitor(emulator, workspaceId, "flaky");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    emulator.faults.set({ errorCount: 3, errorStatus: 503, pathPrefix: "/contacts" });
    await worker({ maxAttempts: 6, backoffBaseMs: 40, backoffMaxMs: 1_000 }).drain({ timeoutMs: 10_000 });
    const [job] = await jobsOf(workspaceId);
    expect(job).toMatchObject({ status: "done", attempts: 4 });
    const attempts = await attemptsOf(job!.id);
    expect(attempts.map((a) => [a.outcome, a.httpStatus, a.errorCode])).toEqual([
      ["retryable", 503, "server_error"],
      ["retryable", 503, "server_error"],
      ["retryable", 503, "server_error"],
      ["ok", 200, null],
    ]);
    const gaps = attempts.slice(1).map((a, i) => a.startedAt.getTime() - attempts[i]!.startedAt.getTime());
    // 40·2^(n−1) ms, jittered to 50–100 %: at least 20, 40, 80 ms apart.
    expect(gaps[0]).toBeGreaterThanOrEqual(20);
    expect(gaps[1]).toBeGreaterThanOrEqual(40);
    expect(gaps[2]).toBeGreaterThanOrEqual(80);
  });

  it("after N transient failures the job is dead-lettered with the last error", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const v = await linkedVisitor(emulator, workspaceId, "dead");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    emulator.faults.set({ errorRate: 1, errorStatus: 500, pathPrefix: "/contacts" });
    await worker({ maxAttempts: 3 }).drain({ timeoutMs: 10_000 });
    emulator.faults.clear();
    const [job] = await jobsOf(workspaceId);
    expect(job).toMatchObject({ status: "dead", attempts: 3, lastErrorCode: "server_error", intercomStatus: 500 });
    expect(job!.lastErrorMessage).toMatch(/Gave up after 3 attempts/);
    expect(puts(v.contactId)).toHaveLength(3);
  });

  it("a 429 waits until X-RateLimit-Reset, then writes", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const v = await linkedVisitor(emulator, workspaceId, "limited");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    // Another integration used up the window.
    emulator.settings.rateLimit = 2;
    for (let i = 0; i < 3; i++) await fetch(`${emulator.baseUrls.US}/me`, { headers: { Authorization: `Bearer ${emulator.tokens.US.full}`, Accept: "application/json" } });
    const resetAt = Number(exchanges.at(-1)!.responseHeaders["X-RateLimit-Reset"]) * 1000;
    await worker().drain({ timeoutMs: 10_000 });
    emulator.settings.rateLimit = 1666;
    const [job] = await jobsOf(workspaceId);
    expect(job).toMatchObject({ status: "done", attempts: 1 });
    const attempts = await attemptsOf(job!.id);
    expect(attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ["rate_limited", 429],
      ["ok", 200],
    ]);
    expect(attempts[1]!.startedAt.getTime()).toBeGreaterThanOrEqual(resetAt);
    expect(puts(v.contactId).filter((e) => e.status === 429)).toHaveLength(1);
  });
});

describe("backfill", () => {
  it("a newly enabled mapping queues the existing answers of identified visitors", async () => {
    const { workspaceId, actor } = await setUpSyncWorkspace(emulator, [DEFAULT_MAPPINGS[0]!]);
    const known = await linkedVisitor(emulator, workspaceId, "backfill-known");
    await recordAnswer(workspaceId, known.anonymousId, "describes_you", ["founder"]);
    await recordAnswer(workspaceId, known.anonymousId, "team_size", ["11_50"]);
    await recordAnswer(workspaceId, "anon-backfill", "team_size", ["51_plus"]);
    await worker().drain({ timeoutMs: 10_000 });
    expect(contactAttributes(emulator, known.contactId)).toMatchObject({ tailor_role: "founder" });
    expect(contactAttributes(emulator, known.contactId).tailor_team_size).toBeUndefined();

    await setMappings(actor, [DEFAULT_MAPPINGS[0]!, DEFAULT_MAPPINGS[1]!]);
    // Answered after the publish: its own write already carries the new mapping, no backfill for it.
    const later = await linkedVisitor(emulator, workspaceId, "backfill-later");
    await recordAnswer(workspaceId, later.anonymousId, "team_size", ["1_10"]);
    await worker().drain({ timeoutMs: 10_000 });
    expect(contactAttributes(emulator, later.contactId)).toMatchObject({ tailor_team_size: 10 });
    expect(puts(later.contactId)).toHaveLength(1);
    expect(contactAttributes(emulator, known.contactId)).toMatchObject({ tailor_role: "founder", tailor_team_size: 50 });
    const backfills = (await jobsOf(workspaceId)).filter((j) => j.kind === "backfill");
    expect(backfills).toHaveLength(1);
    expect(backfills[0]).toMatchObject({ status: "done", values: { tailor_team_size: 50 } });
    // The anonymous visitor is not backfilled (no contact); publishing again queues nothing new.
    const anon = await touchVisitor(workspaceId, "anon-backfill");
    expect((await jobsOf(workspaceId)).filter((j) => j.visitorId === anon.id && j.kind === "backfill")).toHaveLength(0);
  });
});

describe("several workers", () => {
  it.skipIf(dialect !== "postgres")("two workers on Postgres share one queue; no job runs twice at the same time", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator);
    const visitors = [];
    for (let i = 0; i < 40; i++) visitors.push(await linkedVisitor(emulator, workspaceId, `pair-${i}`));
    for (const [i, v] of visitors.entries()) await recordAnswer(workspaceId, v.anonymousId, "describes_you", [i % 2 ? "founder" : "developer"]);
    emulator.faults.set({ latencyMs: 15, pathPrefix: "/contacts" });

    const running = new Map<string, string>();
    const violations: string[] = [];
    const runs: string[] = [];
    const hooks = (name: string) => ({
      onJobStart: (job: ClaimedJob) => {
        if (running.has(job.id)) violations.push(`${job.id} on ${running.get(job.id)} and ${name}`);
        running.set(job.id, name);
        runs.push(`${name}:${job.id}`);
      },
      onJobEnd: (job: ClaimedJob) => running.delete(job.id),
    });
    const a = worker({ concurrency: 4 }, hooks("A"));
    const b = worker({ concurrency: 4 }, hooks("B"));
    await Promise.all([a.drain({ timeoutMs: 20_000 }), b.drain({ timeoutMs: 20_000 })]);
    emulator.faults.clear();

    expect(violations).toEqual([]);
    const jobs = await jobsOf(workspaceId);
    expect(jobs.every((j) => j.status === "done" && j.attempts === 1)).toBe(true);
    expect(runs).toHaveLength(40);
    expect(new Set(runs.map((r) => r.split(":")[0]))).toEqual(new Set(["A", "B"]));
    expect(exchanges.filter((e) => e.method === "PUT")).toHaveLength(40);
    for (const [i, v] of visitors.entries()) expect(contactAttributes(emulator, v.contactId).tailor_role).toBe(i % 2 ? "founder" : "developer");
  }, 30_000);

  it.skipIf(dialect === "postgres")("SQLite runs a single worker: the multi-worker test runs on Postgres only", () => {
    expect(dialect).toBe("sqlite");
  });
});
