import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { dialect, getDb } from "@/db/client";
import { redisClient, redisHealth } from "./redis";

// What /api/health (liveness, no I/O) and /api/ready (can this node take traffic?) report.
// Neither ever includes a URL, a password or an error stack: only states and short reasons.

type Check = { ok: boolean; detail?: string };

const globalForShutdown = globalThis as unknown as { tailorShuttingDown?: boolean };

export function markShuttingDown(): void {
  globalForShutdown.tailorShuttingDown = true;
}

/** Liveness: the process answers. "degraded" when a configured Redis is unreachable (the runtime then serves from memory + database). */
export function health() {
  const redis = redisHealth();
  return {
    ok: true,
    status: redis.status === "down" ? ("degraded" as const) : ("ok" as const),
    redis: redis.status,
    ...(redis.status === "down" ? { redisDownSince: redis.since } : {}),
  };
}

function latestCommittedMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db", "migrations", dialect === "postgres" ? "pg" : "sqlite", "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

async function latestAppliedMigration(): Promise<number> {
  if (dialect === "postgres") {
    const result = await (getDb() as unknown as NodePgDatabase).execute<{ latest: string | null }>(sql`select max(created_at) as latest from drizzle.__drizzle_migrations`);
    return Number(result.rows[0]?.latest ?? 0);
  }
  const row = await getDb().get<{ latest: number | null }>(sql`select max(created_at) as latest from __drizzle_migrations`);
  return Number(row?.latest ?? 0);
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/**
 * Readiness: database reachable, every committed migration applied, not shutting down. Redis is
 * checked and reported but optional: a Redis outage makes every node "degraded", never unready,
 * or a load balancer would take the whole fleet out for a cache.
 */
export async function readiness(): Promise<{ ready: boolean; degraded: boolean; checks: Record<string, Check> }> {
  const checks: Record<string, Check> = {};
  try {
    const applied = await withTimeout(latestAppliedMigration(), 2_000);
    checks.database = { ok: true };
    checks.migrations = applied >= latestCommittedMigration() ? { ok: true } : { ok: false, detail: "pending migrations: run npm run db:migrate" };
  } catch (error) {
    checks.database = { ok: false, detail: error instanceof Error && /no answer/.test(error.message) ? error.message : "unreachable" };
    checks.migrations = { ok: false, detail: "unknown (database unreachable)" };
  }
  if (globalForShutdown.tailorShuttingDown) checks.shutdown = { ok: false, detail: "shutting down" };
  const ready = Object.values(checks).every((c) => c.ok);
  const redis = redisClient();
  if (redis) {
    try {
      await withTimeout(redis.ping(), 1_000);
      checks.redis = { ok: true };
    } catch {
      checks.redis = { ok: false, detail: "unreachable; serving from memory and the database" };
    }
  }
  return { ready, degraded: checks.redis?.ok === false, checks };
}
