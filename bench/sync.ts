/**
 * `npm run bench:sync` — the sync engine's write rate under Intercom's rate limit.
 *
 * The local emulator enforces LIMIT calls per WINDOW (default 167 per 10 s ≈ 1,000 per minute, in
 * Intercom's 10-second windows). UPDATES identified visitors answer a mapped question (through
 * recordAnswer, so each update goes through the real outbox), then WORKERS sync workers drain the
 * queue. Reported: achieved write rate as a share of the limit (from the first to the last request),
 * share of requests answered 429, and lost writes (contacts whose Intercom value differs from the
 * latest answer). Writes the figures to docs/performance.md (section "Sync engine (<dialect>, <n> workers)").
 *
 * Mixed load (BENCH_EVENTS > 0): as many data events as that, spread over the same contacts, go
 * through the outbox too (one job each, POST /events), interleaved with the attribute writes; both
 * share the workspace's rate budget. Lost then also counts events missing from the emulator, and
 * duplicates counts events the emulator received twice (its dedupe count).
 *
 * Env: BENCH_UPDATES (5000), BENCH_EVENTS (0), BENCH_LIMIT (167), BENCH_WINDOW_MS (10000), BENCH_WORKERS (1),
 * BENCH_CONCURRENCY (4), BENCH_DATABASE_URL (a fresh SQLite file; postgres://… to bench Postgres,
 * the database is emptied), BENCH_NO_WRITE=1 to skip docs/performance.md.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writePerformanceSection } from "./docs-section";
import { resetBenchPostgres } from "./bench-database";

const UPDATES = Number(process.env.BENCH_UPDATES ?? 5_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 0);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 167);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const tmp = mkdtempSync(path.join(os.tmpdir(), "tailor-bench-sync-"));
Object.assign(process.env, {
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${path.join(tmp, "bench.db")}`,
  TAILOR_ENCRYPTION_KEY: process.env.TAILOR_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  TAILOR_SYNC_RATE_WINDOW_MS: String(WINDOW_MS),
});

const ROLES = ["founder", "marketer", "developer"] as const;

async function main() {
  const url = process.env.DATABASE_URL!;
  if (url.startsWith("postgres")) await resetBenchPostgres(url);
  const { migrateDatabase } = await import("@/db/migrate-db");
  const { closeDb, dialect, getDb, tables } = await import("@/db/client");
  const { startIntercomEmulator } = await import("@/emulator/server");
  const { recordAnswer } = await import("@/lib/runtime/answers");
  const { setUpSyncWorkspace, syncFixture, contactAttributes } = await import("@/lib/sync/test-support");
  const { SyncWorker } = await import("@/lib/sync/worker");
  const { enqueueEvent } = await import("@/lib/sync/events");
  await migrateDatabase();

  const requests: { at: number; status: number; method: string }[] = [];
  const emulator = await startIntercomEmulator({
    port: 0,
    fixture: syncFixture(),
    rateLimit: LIMIT,
    rateLimitWindowMs: WINDOW_MS,
    onExchange: (e) => requests.push({ at: Date.now(), status: e.status, method: e.method }),
  });
  Object.assign(process.env, { INTERCOM_BASE_URL_US: emulator.baseUrls.US, INTERCOM_BASE_URL_EU: emulator.baseUrls.EU, INTERCOM_BASE_URL_AU: emulator.baseUrls.AU });

  try {
    console.log(`▸ ${dialect}: ${UPDATES} contact updates${EVENTS > 0 ? ` + ${EVENTS} events` : ""}, emulator limit ${LIMIT} per ${WINDOW_MS / 1000} s, ${WORKERS} worker(s) × ${CONCURRENCY}`);
    const { workspaceId } = await setUpSyncWorkspace(emulator, [{ source: "“What best describes you?”", attribute: "tailor_role", conversion: "segment_key" }]);
    const expected = new Map<string, string>();
    const now = new Date();
    const visitors: { anonymousId: string; contactId: string }[] = [];
    for (let i = 0; i < UPDATES; i++) {
      const contact = emulator.state.addContact("US", { email: `bench-${i}@sync.example` }, 0);
      visitors.push({ anonymousId: `bench-${i}`, contactId: contact.id });
    }
    for (let i = 0; i < visitors.length; i += 500) {
      await getDb()
        .insert(tables.visitors)
        .values(
          visitors.slice(i, i + 500).map((v) => ({ workspaceId, anonymousId: v.anonymousId, intercomContactId: v.contactId, email: `${v.anonymousId}@sync.example`, identifiedBy: "verified" as const, identifiedAt: now, lastSeenAt: now })),
        );
    }
    const visitorRows = new Map((await getDb().select().from(tables.visitors)).map((r) => [r.anonymousId, r]));
    const expectedEvents = new Set<string>();
    const eventBase = Math.floor(Date.now() / 1000) - 86_400;
    const enqueueStarted = Date.now();
    let eventsQueued = 0;
    const queueEvent = async (i: number) => {
      const v = visitors[i % visitors.length]!;
      const createdAt = eventBase + i;
      const name = ["visited-pricing", "completed-flow", "clicked-cta"][i % 3]!;
      await getDb().transaction((tx) =>
        enqueueEvent(tx, { workspaceId, visitor: visitorRows.get(v.anonymousId)!, eventName: name, occurredAt: new Date(createdAt * 1000), metadata: { path: "/pricing", n: i }, idempotencyKey: `bench:${i}` }),
      );
      expectedEvents.add(`${v.contactId}|${name}|${createdAt}`);
    };
    for (const [i, v] of visitors.entries()) {
      const role = ROLES[i % 3]!;
      await recordAnswer(workspaceId, v.anonymousId, "describes_you", [role]);
      expected.set(v.contactId, role);
      // Interleaved: the events' share of the queue at each point matches the mix.
      while (eventsQueued < EVENTS && eventsQueued * UPDATES <= (i + 1) * EVENTS) await queueEvent(eventsQueued++);
    }
    while (eventsQueued < EVENTS) await queueEvent(eventsQueued++);
    const enqueueMs = Date.now() - enqueueStarted;
    console.log(`  enqueued through recordAnswer in ${(enqueueMs / 1000).toFixed(1)} s`);
    requests.length = 0;

    const started = Date.now();
    const workers = Array.from({ length: WORKERS }, (_, i) => new SyncWorker({ id: `bench-${i}`, config: { concurrency: CONCURRENCY, pollMs: 50 } }));
    const progress = setInterval(() => {
      const writes = requests.filter((r) => (r.method === "PUT" && r.status === 200) || (r.method === "POST" && r.status === 202)).length;
      console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${writes} writes, ${requests.filter((r) => r.status === 429).length} × 429`);
    }, 30_000);
    await Promise.all(workers.map((w) => w.drain({ timeoutMs: 3_600_000 })));
    clearInterval(progress);

    const total = requests.length;
    const ok = requests.filter((r) => r.status >= 200 && r.status < 300).length;
    const limited = requests.filter((r) => r.status === 429).length;
    const first = requests[0]?.at ?? started;
    const last = requests.at(-1)?.at ?? started;
    // Rate over the span of requests: (n − 1) intervals between the first and the last request.
    const spanMs = Math.max(1, last - first);
    const perMinute = ((ok - 1) / spanMs) * 60_000;
    const limitPerMinute = (LIMIT / WINDOW_MS) * 60_000;
    let lost = 0;
    for (const [contactId, role] of expected) if (contactAttributes(emulator, contactId).tailor_role !== role) lost++;
    const stored = emulator.state.workspace("US").events.map((e) => `${e.contactId}|${e.event_name}|${e.created_at}`);
    const storedSet = new Set(stored);
    const lostEvents = [...expectedEvents].filter((k) => !storedSet.has(k)).length;
    const duplicates = emulator.state.workspace("US").duplicateEvents;
    lost += lostEvents;
    const j = tables.syncJobs;
    const jobs = await getDb().select({ status: j.status }).from(j);
    const notDone = jobs.filter((x) => x.status !== "done").length;

    // Where the time went: the pacer spaces requests window ÷ (target × limit) apart, so any longer
    // gap between two requests is capacity left unused (a slow claim, a stall, the window guard).
    const target = Number(process.env.TAILOR_SYNC_RATE_TARGET ?? 0.95);
    const interval = WINDOW_MS / (target * LIMIT);
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i]!.at);
    const late = gaps.filter((g) => g > 1.5 * interval);
    const lostMs = late.reduce((sum, g) => sum + (g - interval), 0);
    console.log(
      `  gaps over 1.5 × the ${interval.toFixed(1)} ms slot interval: ${late.length}, ${(lostMs / 1000).toFixed(1)} s of ${(spanMs / 1000).toFixed(1)} s; largest ${[...late].sort((a, b) => b - a).slice(0, 5).map((g) => g.toFixed(0)).join(", ")} ms`,
    );

    const rows = [
      ["Database", `${dialect}, ${WORKERS} worker(s) × concurrency ${CONCURRENCY}`],
      ["Emulator limit", `${LIMIT} calls per ${WINDOW_MS / 1000} s window (${limitPerMinute.toFixed(0)}/min)`],
      ["Contact updates enqueued", `${UPDATES} (via recordAnswer${EVENTS > 0 ? `) + ${EVENTS} data events (via enqueueEvent, interleaved` : ""}, ${(enqueueMs / 1000).toFixed(1)} s)`],
      ["Requests to Intercom", `${total} (${ok} 2xx, ${limited} × 429)`],
      ["Achieved write rate", `${perMinute.toFixed(0)}/min = **${((perMinute / limitPerMinute) * 100).toFixed(1)} %** of the limit`],
      ["Requests answered 429", `**${total ? ((limited / total) * 100).toFixed(2) : "0.00"} %**`],
      ["Lost writes", `**${lost}** (jobs not done: ${notDone})`],
      ...(EVENTS > 0 ? [["Events in Intercom", `${storedSet.size} of ${expectedEvents.size}; lost **${lostEvents}**, duplicates received **${duplicates}**`]] : []),
      ["Wall time", `${((Date.now() - started) / 1000).toFixed(1)} s`],
    ];
    const report = [
      `Command: \`BENCH_UPDATES=${UPDATES}${EVENTS > 0 ? ` BENCH_EVENTS=${EVENTS}` : ""} BENCH_LIMIT=${LIMIT} BENCH_WINDOW_MS=${WINDOW_MS} BENCH_WORKERS=${WORKERS} npm run bench:sync\` (${new Date().toISOString().slice(0, 10)})`,
      "",
      "| | |",
      "|---|---|",
      ...rows.map(([k, v]) => `| ${k} | ${v} |`),
      "",
      "How: every request reserves a send slot in `intercom_rate_state` (shared by all workers): slots are",
      "spaced window ÷ (0.95 × limit) apart, the remaining budget from `X-RateLimit-Remaining` guards the",
      "window (a 3 % reserve), and a 429 moves the next slot to `X-RateLimit-Reset`. See docs/sync-engine.md.",
    ].join("\n");
    console.log(`\n${report}\n`);
    const mix = EVENTS > 0 ? ", attribute writes + events" : "";
    if (process.env.BENCH_NO_WRITE !== "1") writePerformanceSection(`Sync engine (${dialect}, ${WORKERS} worker${WORKERS === 1 ? "" : "s"}${mix})`, report);
    if (lost > 0 || notDone > 0 || duplicates > 0) process.exitCode = 1;
  } finally {
    await emulator.close();
    await closeDb();
  }
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
