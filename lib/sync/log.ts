import { and, count, desc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, tables } from "@/db/client";
import type { IdentifiedBy } from "@/db/schema/identity-types";
import { SYNC_JOB_STATUSES, type SyncJobKind, type SyncJobStatus, type SyncValue } from "@/db/schema/sync-types";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { requestRefresh } from "@/lib/intercom-integration/refresh";
import { OPEN_STATUSES } from "./outbox";

export const SYNC_LOG_PERIODS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type SyncLogPeriod = keyof typeof SYNC_LOG_PERIODS;

export const syncLogFilterSchema = z.object({
  status: z.enum(["all", ...SYNC_JOB_STATUSES]).default("all"),
  /** An email (or part of one) or an exact Intercom contact id. */
  contact: z.string().trim().max(200).default(""),
  attribute: z.string().trim().max(200).default(""),
  period: z.enum(["1h", "24h", "7d", "30d"]).default("24h"),
});
export type SyncLogFilter = z.input<typeof syncLogFilterSchema>;

export type SyncAttemptView = {
  operation: "read" | "write";
  outcome: string;
  httpStatus: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  startedAt: string;
};

export type SyncLogEntry = {
  id: string;
  kind: SyncJobKind;
  status: SyncJobStatus;
  contactId: string | null;
  contactEmail: string | null;
  /** How the visitor behind the write was identified (null: a test write or an older job). */
  identifiedBy: IdentifiedBy | null;
  values: Record<string, SyncValue>;
  sentValues: Record<string, SyncValue> | null;
  /** Data events (kind "event", or a test event): the event's name and time (Unix seconds); values are its metadata. */
  eventName: string | null;
  eventCreatedAt: number | null;
  attempts: number;
  intercomStatus: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  nextRunAt: string;
  finishedAt: string | null;
  /** From the first queued moment to done/failed, in ms (null while open). */
  totalMs: number | null;
  log: SyncAttemptView[];
};

export type SyncChartBucket = { start: string; writes: number; failures: number };

export type SyncLogView = {
  entries: SyncLogEntry[];
  /** More entries matched than are shown. */
  truncated: boolean;
  counts: Record<SyncJobStatus, number>;
  chart: SyncChartBucket[];
  period: SyncLogPeriod;
};

const PAGE = 100;
const SCAN = 1_000;
const BUCKETS = 24;

/** The sync log of one workspace: entries (newest first), status counts and writes/failures over time. */
export async function getSyncLog(workspaceId: string, input: SyncLogFilter = {}): Promise<SyncLogView> {
  const filter = syncLogFilterSchema.parse(input);
  const db = getDb();
  const j = tables.syncJobs;
  const since = new Date(Date.now() - SYNC_LOG_PERIODS[filter.period]);

  // Open jobs always show, whatever their age: "waiting for identification" can be old.
  const inPeriod = or(gte(j.updatedAt, since), inArray(j.status, [...OPEN_STATUSES, "running"]))!;
  const where: SQL[] = [eq(j.workspaceId, workspaceId), inPeriod];
  if (filter.status !== "all") where.push(eq(j.status, filter.status));
  if (filter.contact) {
    const pattern = `%${filter.contact.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(or(eq(j.contactId, filter.contact), sql`lower(${j.contactEmail}) like ${pattern} escape '\\'`)!);
  }
  // The attribute filter looks inside JSON; done here rather than in dialect-specific SQL.
  const rows = await db.select().from(j).where(and(...where)).orderBy(desc(j.updatedAt)).limit(filter.attribute ? SCAN : PAGE + 1);
  const matching = filter.attribute ? rows.filter((r) => filter.attribute in r.values) : rows;
  const page = matching.slice(0, PAGE);

  const a = tables.syncAttempts;
  const attempts = page.length
    ? await db.select().from(a).where(inArray(a.jobId, page.map((r) => r.id))).orderBy(a.startedAt)
    : [];

  const statusRows = await db
    .select({ status: j.status, n: count() })
    .from(j)
    .where(and(eq(j.workspaceId, workspaceId), inPeriod))
    .groupBy(j.status);
  const counts = Object.fromEntries(SYNC_JOB_STATUSES.map((s) => [s, 0])) as Record<SyncJobStatus, number>;
  for (const r of statusRows) counts[r.status] = Number(r.n);

  return {
    entries: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      eventName: r.eventName ?? null,
      eventCreatedAt: r.eventCreatedAt ?? null,
      status: r.status,
      contactId: r.contactId,
      contactEmail: r.contactEmail,
      identifiedBy: r.identifiedBy ?? null,
      values: r.values,
      sentValues: r.sentValues,
      attempts: r.attempts,
      intercomStatus: r.intercomStatus,
      errorCode: r.lastErrorCode,
      errorMessage: r.lastErrorMessage,
      createdAt: r.createdAt.toISOString(),
      nextRunAt: r.nextRunAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      totalMs: r.finishedAt ? r.finishedAt.getTime() - r.createdAt.getTime() : null,
      log: attempts
        .filter((x) => x.jobId === r.id)
        .map((x) => ({
          operation: x.operation,
          outcome: x.outcome,
          httpStatus: x.httpStatus,
          errorCode: x.errorCode,
          errorMessage: x.errorMessage,
          durationMs: x.durationMs,
          startedAt: x.startedAt.toISOString(),
        })),
    })),
    truncated: matching.length > PAGE,
    counts,
    chart: await chartOf(workspaceId, since, SYNC_LOG_PERIODS[filter.period]),
    period: filter.period,
  };
}

async function chartOf(workspaceId: string, since: Date, spanMs: number): Promise<SyncChartBucket[]> {
  const a = tables.syncAttempts;
  const rows = await getDb()
    .select({ at: a.startedAt, outcome: a.outcome, operation: a.operation })
    .from(a)
    .where(and(eq(a.workspaceId, workspaceId), gte(a.startedAt, since)))
    .limit(50_000);
  const size = spanMs / BUCKETS;
  const buckets = Array.from({ length: BUCKETS }, (_, i) => ({ start: new Date(since.getTime() + i * size).toISOString(), writes: 0, failures: 0 }));
  for (const r of rows) {
    const i = Math.min(BUCKETS - 1, Math.floor((r.at.getTime() - since.getTime()) / size));
    const bucket = buckets[i];
    if (!bucket) continue;
    if (r.outcome === "ok") {
      if (r.operation === "write") bucket.writes++;
    } else bucket.failures++;
  }
  return buckets;
}

type Actor = { workspaceId: string; userId: string };

/** "Retry" on a failed or dead job: it runs again now, from a fresh attempt count, after a fresh read of Intercom's fields. */
export async function retrySyncJob(actor: Actor, jobId: string): Promise<void> {
  const j = tables.syncJobs;
  await getDb().transaction(async (tx) => {
    const [job] = await tx.select().from(j).where(and(eq(j.workspaceId, actor.workspaceId), eq(j.id, jobId)));
    if (!job) throw new NotFoundError("That sync entry doesn't exist in this workspace.");
    if (job.status !== "failed" && job.status !== "dead") throw new RuleViolationError("Only failed or dead-lettered writes can be retried.");
    // An event is never folded into another job; it runs again on its own.
    const [open] =
      job.kind === "event"
        ? []
        : await tx
            .select()
            .from(j)
            .where(and(eq(j.workspaceId, actor.workspaceId), eq(j.targetKey, job.targetKey), inArray(j.status, [...OPEN_STATUSES])));
    const now = new Date();
    if (open) {
      // A newer write for this contact is already queued: it carries the retried values too (newer wins).
      await tx
        .update(j)
        .set({ values: { ...job.values, ...open.values }, policies: { ...job.policies, ...open.policies }, version: open.version + 1, updatedAt: now })
        .where(and(eq(j.id, open.id), eq(j.version, open.version)));
      await tx.update(j).set({ lastErrorMessage: `${job.lastErrorMessage ?? ""} Retried with a newer queued write.`.trim(), updatedAt: now }).where(eq(j.id, job.id));
    } else {
      await tx
        .update(j)
        // A retried event counts as a repeat (attempts 1), so it reads Intercom back before sending.
        .set({ status: "pending", attempts: job.kind === "event" ? 1 : 0, nextRunAt: now, lockedBy: null, lockedUntil: null, finishedAt: null, version: job.version + 1, updatedAt: now })
        .where(and(eq(j.id, job.id), eq(j.version, job.version)));
    }
    await recordAudit(
      { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "sync.retried", target: job.contactEmail ?? job.contactId, details: { jobId, previousStatus: job.status, error: job.lastErrorCode } },
      tx,
    );
  });
  // A retry usually follows a fix in Intercom: re-read its fields first, so a mapping flagged as
  // drifted is cleared (and the write, parked meanwhile, resumes) without waiting for the schedule.
  await requestRefresh(actor.workspaceId);
}
