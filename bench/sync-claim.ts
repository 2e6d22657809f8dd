/**
 * `npm run bench:sync-claim` — the cost of one claim (lib/sync/claim.ts) as the queue grows.
 *
 * Fills a fresh database with BACKLOG open jobs (half attribute writes on `contact:` targets, half
 * data events on `events:` targets, EVENTS_PER_VISITOR per visitor, plus DONE finished jobs of
 * history on the same targets), then times claims of LIMIT jobs (each claimed job is put back, so the
 * backlog stays the same size) and prints the median and p95 per backlog size, and the query plan.
 *
 * Env: BENCH_DATABASE_URL (a fresh SQLite file; postgres://…bench… is emptied), BENCH_BACKLOGS
 * ("1000,4000,10000"), BENCH_EVENTS_PER_VISITOR (1), BENCH_HISTORY (1: done jobs per open job),
 * BENCH_CLAIMS (200), BENCH_LIMIT (1).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resetBenchPostgres } from "./bench-database";

const BACKLOGS = (process.env.BENCH_BACKLOGS ?? "1000,4000,10000").split(",").map(Number);
const PER_VISITOR = Number(process.env.BENCH_EVENTS_PER_VISITOR ?? 1);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 1);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 200);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 1);

const tmp = mkdtempSync(path.join(os.tmpdir(), "tailor-bench-claim-"));
Object.assign(process.env, {
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${path.join(tmp, "bench.db")}`,
  TAILOR_ENCRYPTION_KEY: process.env.TAILOR_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
});

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main() {
  const url = process.env.DATABASE_URL!;
  if (url.startsWith("postgres")) await resetBenchPostgres(url);
  const { migrateDatabase } = await import("@/db/migrate-db");
  const { closeDb, dialect, getDb, tables } = await import("@/db/client");
  const { claimJobs } = await import("@/lib/sync/claim");
  const { createWorkspace } = await import("@/lib/testing/factories");
  const { inArray, sql } = await import("drizzle-orm");
  await migrateDatabase();
  const ws = await createWorkspace("Claim bench");
  const j = tables.syncJobs;
  const db = getDb();
  let filled = 0;
  console.log(`▸ ${dialect}: claim of ${LIMIT} job(s), ${PER_VISITOR} open event(s) per visitor, ${HISTORY} done job(s) per open job`);
  console.log("| open jobs | median ms | p95 ms |\n|---|---|---|");
  for (const backlog of BACKLOGS) {
    const base = Date.now() - 3_600_000;
    const rows: (typeof j.$inferInsert)[] = [];
    for (let i = filled; i < backlog; i++) {
      const isEvent = i % 2 === 1;
      const visitor = Math.floor(i / 2 / PER_VISITOR);
      const common = { workspaceId: ws.id, contactId: `c${visitor}`, values: { n: i }, policies: {}, nextRunAt: new Date(base + i), updatedAt: new Date() };
      const target = isEvent ? `events:v${visitor}` : `contact:c${i}`;
      const event = isEvent ? { eventName: "visited-pricing", eventCreatedAt: 1_700_000_000 + i } : {};
      rows.push({ ...common, ...event, kind: isEvent ? "event" : "sync", status: "pending", targetKey: target, idempotencyKey: isEvent ? `k${i}` : null });
      for (let h = 0; h < HISTORY; h++) rows.push({ ...common, ...event, kind: isEvent ? "event" : "sync", status: "done", targetKey: target, idempotencyKey: isEvent ? `k${i}:${h}` : null, nextRunAt: new Date(base - 1_000_000 + i) });
    }
    for (let i = 0; i < rows.length; i += 500) await db.insert(j).values(rows.slice(i, i + 500));
    filled = backlog;
    if (dialect === "postgres") await (db as unknown as { execute: (q: unknown) => Promise<unknown> }).execute(sql`ANALYZE sync_jobs`);
    const times: number[] = [];
    for (let c = 0; c < CLAIMS; c++) {
      const started = performance.now();
      const claimed = await claimJobs({ workerId: "bench", limit: LIMIT, leaseMs: 60_000, paceHorizonMs: 20_000 });
      times.push(performance.now() - started);
      // Put them back, in the same place in the queue.
      if (claimed.length > 0) await db.update(j).set({ status: "pending", lockedBy: null, lockedUntil: null }).where(inArray(j.id, claimed.map((x) => x.id)));
      if (claimed.length === 0) throw new Error("nothing claimed");
    }
    console.log(`| ${backlog} | ${quantile(times, 0.5).toFixed(2)} | ${quantile(times, 0.95).toFixed(2)} |`);
  }
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
