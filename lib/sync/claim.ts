import { and, asc, eq, inArray, lt, lte, ne, notExists, or, gt, sql, type SQL } from "drizzle-orm";
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

/** The two kinds of runnable job, claimed by separate statements so each walks its index in order. */
type Source = "expired" | "pending";

/**
 * Claims up to `limit` runnable jobs for one worker: running with an expired lease (its worker
 * died) first, then pending and due, oldest first. A target with a running job is skipped, so one
 * contact's writes never run concurrently or out of order; a visitor's data events (one
 * `events:<visitor>` target) also wait for their earlier open ones, so only the head of each
 * visitor's queue is runnable. Attribute writes never share a target with events and never wait
 * behind them.
 *
 * Cost: each statement walks `sync_jobs_claim_idx` (status, next_run_at) in order and stops after
 * `limit` runnable rows; the per-row checks are seeks on `sync_jobs_target_status_idx` (workspace,
 * target, status, next_run_at). So a claim costs about the same with 100 or 100,000 jobs queued.
 * (A single `pending OR expired` condition made both SQLite and Postgres collect and sort every
 * open job on each claim.) This is the one module with dialect-specific SQL.
 */
export async function claimJobs(options: ClaimOptions): Promise<ClaimedJob[]> {
  if (options.limit <= 0) return [];
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + options.leaseMs);
  const horizon = new Date(now.getTime() + options.paceHorizonMs);
  const claim = dialect === "postgres" ? claimPostgres : claimSqlite;
  const ids: string[] = [];
  for (const source of ["expired", "pending"] as const) {
    const limit = options.limit - ids.length;
    if (limit <= 0) break;
    ids.push(...(await claim(source, { ...options, limit }, now, lockedUntil, horizon)));
  }
  if (ids.length === 0) return [];
  const j = tables.syncJobs;
  return getDb().select().from(j).where(inArray(j.id, ids)).orderBy(asc(j.nextRunAt));
}

// Postgres: several workers side by side. FOR UPDATE SKIP LOCKED hands each row to exactly one of
// them; the UPDATE re-checks the row under its lock, so a job changed meanwhile is not taken twice.
async function claimPostgres(source: Source, options: ClaimOptions, now: Date, lockedUntil: Date, horizon: Date): Promise<string[]> {
  const db = getDb() as unknown as NodePgDatabase;
  const at = sql`${now.toISOString()}::timestamptz`;
  const due =
    source === "pending" ? sql`j.status = 'pending' AND j.next_run_at <= ${at}` : sql`j.status = 'running' AND j.locked_until < ${at}`;
  const result = await db.execute<{ id: string }>(sql`
    UPDATE sync_jobs
       SET status = 'running', locked_by = ${options.workerId}, locked_until = ${lockedUntil.toISOString()}::timestamptz,
           attempts = attempts + 1, version = version + 1, started_at = ${at}, updated_at = ${at}
     WHERE id IN (
       SELECT j.id FROM sync_jobs j
        WHERE ${due}
          AND NOT EXISTS (SELECT 1 FROM sync_jobs r
                           WHERE r.workspace_id = j.workspace_id AND r.target_key = j.target_key
                             AND r.status = 'running' AND r.id <> j.id)
          AND (j.kind <> 'event' OR NOT EXISTS (
                SELECT 1 FROM sync_jobs e
                 WHERE e.workspace_id = j.workspace_id AND e.target_key = j.target_key
                   AND e.status IN ('pending', 'paused') AND e.kind = 'event' AND e.id <> j.id
                   AND (e.next_run_at < j.next_run_at OR (e.next_run_at = j.next_run_at AND e.id < j.id))))
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
async function claimSqlite(source: Source, options: ClaimOptions, now: Date, lockedUntil: Date, horizon: Date): Promise<string[]> {
  const j = tables.syncJobs;
  const other = alias(tables.syncJobs, "other");
  const earlier = alias(tables.syncJobs, "earlier");
  const rate = tables.intercomRateState;
  const db = getDb();
  const due: SQL | undefined = source === "pending" ? and(eq(j.status, "pending"), lte(j.nextRunAt, now)) : and(eq(j.status, "running"), lt(j.lockedUntil, now));
  const candidates = db
    .select({ id: j.id })
    .from(j)
    .where(
      and(
        due,
        notExists(
          db
            .select({ one: sql`1` })
            .from(other)
            .where(and(eq(other.workspaceId, j.workspaceId), eq(other.targetKey, j.targetKey), eq(other.status, "running"), ne(other.id, j.id))),
        ),
        // A visitor's events go one at a time, oldest first (an earlier open one goes before).
        or(
          ne(j.kind, "event"),
          notExists(
            db
              .select({ one: sql`1` })
              .from(earlier)
              .where(
                and(
                  eq(earlier.workspaceId, j.workspaceId),
                  eq(earlier.targetKey, j.targetKey),
                  inArray(earlier.status, ["pending", "paused"]),
                  eq(earlier.kind, "event"),
                  ne(earlier.id, j.id),
                  or(lt(earlier.nextRunAt, j.nextRunAt), and(eq(earlier.nextRunAt, j.nextRunAt), lt(earlier.id, j.id))),
                ),
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
