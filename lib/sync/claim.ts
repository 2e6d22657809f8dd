import { and, asc, eq, inArray, lt, lte, ne, notExists, or, gt, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { alias } from "drizzle-orm/sqlite-core";
import { dialect, getDb, tables } from "@/db/client";

export type ClaimedJob = typeof tables.syncJobs.$inferSelect;

export type ClaimOptions = {
  workerId: string;
  limit: number;
  leaseMs: number;
  /** Skip workspaces whose rate-limit pacing has no slot before now + this. */
  paceHorizonMs: number;
  now?: Date;
};

/**
 * Claims up to `limit` runnable jobs for one worker: pending and due, or running with an expired
 * lease (its worker died). A target with a running job is skipped, so one contact's writes never
 * run concurrently or out of order; a visitor's events (one target) also wait for their earlier ones. This is the one module with dialect-specific SQL.
 */
export async function claimJobs(options: ClaimOptions): Promise<ClaimedJob[]> {
  if (options.limit <= 0) return [];
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + options.leaseMs);
  const horizon = new Date(now.getTime() + options.paceHorizonMs);
  const ids = dialect === "postgres" ? await claimPostgres(options, now, lockedUntil, horizon) : await claimSqlite(options, now, lockedUntil, horizon);
  if (ids.length === 0) return [];
  const j = tables.syncJobs;
  return getDb().select().from(j).where(inArray(j.id, ids)).orderBy(asc(j.nextRunAt));
}

// Postgres: several workers side by side. FOR UPDATE SKIP LOCKED hands each row to exactly one of
// them; the UPDATE re-checks the row under its lock, so a job changed meanwhile is not taken twice.
async function claimPostgres(options: ClaimOptions, now: Date, lockedUntil: Date, horizon: Date): Promise<string[]> {
  const db = getDb() as unknown as NodePgDatabase;
  const result = await db.execute<{ id: string }>(sql`
    UPDATE sync_jobs
       SET status = 'running', locked_by = ${options.workerId}, locked_until = ${lockedUntil.toISOString()}::timestamptz,
           attempts = attempts + 1, version = version + 1, started_at = ${now.toISOString()}::timestamptz,
           updated_at = ${now.toISOString()}::timestamptz
     WHERE id IN (
       SELECT j.id FROM sync_jobs j
        WHERE ((j.status = 'pending' AND j.next_run_at <= ${now.toISOString()}::timestamptz)
            OR (j.status = 'running' AND j.locked_until < ${now.toISOString()}::timestamptz))
          AND NOT EXISTS (SELECT 1 FROM sync_jobs r
                           WHERE r.workspace_id = j.workspace_id AND r.target_key = j.target_key
                             AND r.status = 'running' AND r.id <> j.id)
          AND NOT EXISTS (SELECT 1 FROM sync_jobs e
                           WHERE e.workspace_id = j.workspace_id AND e.target_key = j.target_key AND e.kind = 'event'
                             AND e.status IN ('pending', 'paused') AND e.id <> j.id
                             AND (e.next_run_at < j.next_run_at OR (e.next_run_at = j.next_run_at AND e.id < j.id)))
          AND NOT EXISTS (SELECT 1 FROM intercom_rate_state s
                           WHERE s.workspace_id = j.workspace_id AND s.next_slot_at > ${horizon.toISOString()}::timestamptz)
        ORDER BY j.next_run_at
        LIMIT ${options.limit}
        FOR UPDATE OF j SKIP LOCKED)
    RETURNING id`);
  return result.rows.map((r) => r.id);
}

// SQLite: one worker (the embedded default). A single UPDATE is atomic on SQLite; the lease lets a
// restarted worker take over jobs its killed predecessor held.
async function claimSqlite(options: ClaimOptions, now: Date, lockedUntil: Date, horizon: Date): Promise<string[]> {
  const j = tables.syncJobs;
  const other = alias(tables.syncJobs, "other");
  const earlier = alias(tables.syncJobs, "earlier");
  const rate = tables.intercomRateState;
  const db = getDb();
  const candidates = db
    .select({ id: j.id })
    .from(j)
    .where(
      and(
        or(and(eq(j.status, "pending"), lte(j.nextRunAt, now)), and(eq(j.status, "running"), lt(j.lockedUntil, now))),
        notExists(
          db
            .select({ one: sql`1` })
            .from(other)
            .where(and(eq(other.workspaceId, j.workspaceId), eq(other.targetKey, j.targetKey), eq(other.status, "running"), ne(other.id, j.id))),
        ),
        // A visitor's events go one at a time, oldest first (an earlier open one goes before).
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.workspaceId, j.workspaceId),
                eq(earlier.targetKey, j.targetKey),
                eq(earlier.kind, "event"),
                inArray(earlier.status, ["pending", "paused"]),
                ne(earlier.id, j.id),
                or(lt(earlier.nextRunAt, j.nextRunAt), and(eq(earlier.nextRunAt, j.nextRunAt), lt(earlier.id, j.id))),
              ),
            ),
        ),
        notExists(db.select({ one: sql`1` }).from(rate).where(and(eq(rate.workspaceId, j.workspaceId), gt(rate.nextSlotAt, horizon)))),
      ),
    )
    .orderBy(asc(j.nextRunAt))
    .limit(options.limit);
  const rows = await db
    .update(j)
    .set({
      status: "running",
      lockedBy: options.workerId,
      lockedUntil,
      attempts: sql`${j.attempts} + 1`,
      version: sql`${j.version} + 1`,
      startedAt: now,
      updatedAt: now,
    })
    .where(inArray(j.id, candidates))
    .returning({ id: j.id });
  return rows.map((r) => r.id);
}
