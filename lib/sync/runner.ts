import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import type { SyncValue } from "@/db/schema/sync-types";
import { NotConnectedError, withIntercom } from "@/lib/intercom-integration/connection";
import {
  IntercomAuthError,
  IntercomError,
  IntercomNotFoundError,
  IntercomPermissionError,
  IntercomRateLimitedError,
  IntercomUnavailableError,
  IntercomValidationError,
  type IntercomResponseInfo,
  type TailorIntercomClient,
} from "@/lib/intercom";
import { driftText, refusedLongText, tooLongValues } from "@/lib/intercom-integration/mapping-rules";
import { requestRefresh } from "@/lib/intercom-integration/refresh";
import { logError } from "@/lib/log";
import { notify } from "@/lib/notifications";
import { contactCache } from "@/lib/intercom-integration/contact-cache";
import type { ClaimedJob } from "./claim";
import { backoffDelay, type SyncConfig } from "./config";
import { enqueueWrite, OPEN_STATUSES } from "./outbox";
import { blockUntilReset, observeRateLimit, reserveSlot } from "./pacing";

export type JobOutcome = "done" | "failed" | "dead" | "paused" | "retry" | "rate_limited" | "deferred" | "lost_lease";

type Job = ClaimedJob;
type Terminal = { status: "done" | "failed" | "dead"; code: string | null; message: string | null; intercomStatus: number | null; sentValues?: Record<string, SyncValue> | null };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pacer had no slot soon enough: the job goes back to the queue for that time, uncounted. */
class DeferredError extends Error {
  constructor(readonly until: Date) {
    super("deferred by rate pacing");
  }
}

const MESSAGES = {
  not_connected: "Intercom is not connected. Jobs resume when it is connected again.",
  needs_attention: "Intercom no longer accepts the saved token. Jobs resume after the token is replaced (Integrations → Intercom).",
  nothing_to_write: "Nothing to write: every \"only when empty\" field already has a value in Intercom.",
  internal: "Tailor hit an internal error while syncing; it will try again.",
  already_sent: "Intercom already had this event (an earlier attempt reached it), so it was not sent again.",
} as const;

function errorCode(error: IntercomError): string {
  if (error instanceof IntercomValidationError) return error.reason;
  if (error instanceof IntercomUnavailableError) return error.reason;
  if (error instanceof IntercomNotFoundError) return "contact_not_found";
  return error.kind;
}

function errorMessage(error: IntercomError): string {
  if (error instanceof IntercomNotFoundError) return "The Intercom contact no longer exists (deleted or merged).";
  return error.message;
}

export type RunnerContext = { workerId: string; config: SyncConfig };

/** Runs one claimed job to its next state. Never throws for Intercom failures; they become states. */
export async function runJob(job: Job, ctx: RunnerContext): Promise<JobOutcome> {
  try {
    return await execute(job, ctx);
  } catch (error) {
    if (error instanceof DeferredError) return backToQueue(job, ctx, { status: "pending", nextRunAt: error.until, uncount: true }, "deferred");
    logError("sync job failed unexpectedly", error, { jobId: job.id, workspaceId: job.workspaceId });
    return retryOrDead(job, ctx, { code: "internal", message: MESSAGES.internal, intercomStatus: null });
  }
}

async function execute(job: Job, ctx: RunnerContext): Promise<JobOutcome> {
  const db = getDb();
  const c = tables.intercomConnections;
  const [connection] = await db.select({ status: c.status }).from(c).where(eq(c.workspaceId, job.workspaceId));
  if (!connection) return pause(job, ctx, "not_connected", MESSAGES.not_connected, null);
  if (connection.status === "needs_attention") return pause(job, ctx, "needs_attention", MESSAGES.needs_attention, null);
  if (!job.contactId) return pause(job, ctx, "waiting_identification", null, null);

  // Data events carry their metadata in `values` and skip everything that is about attributes.
  const isEvent = job.kind === "event";
  let values: Record<string, SyncValue> = { ...job.values };
  let refusedNote: string | null = null;
  if (!isEvent) {
    // Drift: values for a mapping whose attribute was archived, deleted, made read-only or retyped are
    // parked (a paused job with the reason) and resume once the mapping is fixed; the rest is sent now.
    const m = tables.fieldMappings;
    const drifted = new Map(
      (await db.select({ attribute: m.attributeName, reason: m.driftReason }).from(m).where(and(eq(m.workspaceId, job.workspaceId), isNotNull(m.driftReason)))).map(
        (r) => [r.attribute, r.reason!] as const,
      ),
    );
    values = Object.fromEntries(Object.entries(job.values).filter(([attribute]) => !drifted.has(attribute)));
    const parked = Object.entries(job.values).filter(([attribute]) => drifted.has(attribute));
    if (parked.length > 0) {
      const reason = `Parked: ${parked.map(([a]) => driftText(a, drifted.get(a)!)).join("; ")}. Resumes when the mapping is fixed (Integrations → Intercom → Field mapping).`;
      if (Object.keys(values).length === 0) return pause(job, ctx, "mapping_needs_attention", reason, null);
      await enqueueWrite(db, {
        workspaceId: job.workspaceId,
        kind: job.kind === "backfill" ? "backfill" : "sync",
        contactId: job.contactId,
        visitorId: job.visitorId,
        email: job.contactEmail,
        set: { values: Object.fromEntries(parked), policies: Object.fromEntries(parked.map(([a]) => [a, job.policies[a] ?? "overwrite"])) },
      });
    }

    // A "refuse" mapping's text over Intercom's limit is never sent; the rest of the write goes ahead.
    const refused = tooLongValues(values);
    refusedNote = refused.length > 0 ? refusedLongText(refused) : null;
    if (refused.length > 0) {
      values = Object.fromEntries(Object.entries(values).filter(([attribute]) => !refused.some((r) => r.attribute === attribute)));
      if (Object.keys(values).length === 0) return finish(job, ctx, { status: "failed", code: "value_too_long", message: refusedNote, intercomStatus: null, sentValues: null });
    }
  }

  const { config } = ctx;
  const contactId = job.contactId;
  // Filled by the client's onResponse hook: the status and X-RateLimit-* of the latest response.
  const seen: { last?: IntercomResponseInfo } = {};
  const lastSeen = (): IntercomResponseInfo | undefined => seen.last;

  // One HTTP request under the workspace's pacing, logged as an attempt.
  let okWrite: AttemptInput | undefined;
  async function paced<T>(operation: "read" | "write", requestValues: Record<string, SyncValue> | null, call: () => Promise<T>): Promise<T> {
    const slot = await reserveSlot(job.workspaceId, config.pacing);
    const wait = slot - Date.now();
    if (wait > config.leaseMs / 3) throw new DeferredError(new Date(slot));
    if (wait > 0) await sleep(wait);
    const started = new Date();
    seen.last = undefined;
    try {
      const result = await call();
      const ok: AttemptInput = { operation, requestValues, outcome: "ok", httpStatus: lastSeen()?.status ?? 200, started };
      // A successful write is logged together with "done" (finish), so a worker killed in between
      // leaves neither: the job is simply run again, and its log shows one success.
      if (operation === "write") okWrite = ok;
      else await logAttempt(job, ctx, ok);
      return result;
    } catch (error) {
      const e = error instanceof IntercomError ? error : null;
      const outcome =
        e instanceof IntercomRateLimitedError ? "rate_limited" : e instanceof IntercomUnavailableError || !e ? "retryable" : e instanceof IntercomAuthError ? "paused" : "permanent";
      await logAttempt(job, ctx, {
        operation,
        requestValues,
        outcome,
        httpStatus: e?.status ?? lastSeen()?.status ?? null,
        errorCode: e ? errorCode(e) : "internal",
        errorMessage: e ? errorMessage(e) : MESSAGES.internal,
        started,
      });
      throw error;
    } finally {
      const info = lastSeen()?.rateLimit;
      if (info && lastSeen()?.status !== 429) await observeRateLimit(job.workspaceId, config.pacing, info);
    }
  }

  // An event's earlier attempt may have reached Intercom (a worker killed after the 202, a timeout):
  // read the contact's events first and send only if it is not there. Intercom would deduplicate
  // on contact + name + created_at anyway; the read keeps the duplicate off the wire.
  async function sendEvent(client: TailorIntercomClient): Promise<Record<string, SyncValue> | "already_sent"> {
    const eventName = job.eventName ?? "";
    const createdAt = job.eventCreatedAt ?? 0;
    if (job.attempts > 1) {
      const existing = await paced("read", null, () => client.listEvents(contactId));
      if (existing.some((e) => e.eventName === eventName && e.createdAt === createdAt)) return "already_sent";
    }
    const metadata = Object.fromEntries(Object.entries(values).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"));
    await paced("write", values, () => client.createEvent({ contactId, eventName, createdAt, metadata }));
    return values;
  }

  try {
    const sent = await withIntercom(
      job.workspaceId,
      async (client: TailorIntercomClient) => {
        if (isEvent) return sendEvent(client);
        const onlyIfEmpty = Object.keys(values).filter((a) => job.policies[a] === "only_if_empty");
        if (onlyIfEmpty.length > 0) {
          const contact = await paced("read", null, () => client.getContact(contactId));
          for (const attribute of onlyIfEmpty) {
            const current = contact.customAttributes[attribute];
            if (current !== null && current !== undefined && current !== "") delete values[attribute];
          }
          values = { ...values };
        }
        if (Object.keys(values).length === 0) return null;
        await paced("write", values, () => client.updateContactCustomAttributes(contactId, values));
        return values;
      },
      {
        timeoutMs: config.readTimeoutMs,
        maxRetries: 0,
        writeTimeoutMs: config.writeTimeoutMs,
        writeMaxRetries: 0,
        onResponse: (info) => {
          seen.last = info;
        },
      },
    );
    if (sent === "already_sent") return finish(job, ctx, { status: "done", code: "already_sent", message: MESSAGES.already_sent, intercomStatus: 200, sentValues: values });
    if (isEvent) return finish(job, ctx, { status: "done", code: null, message: null, intercomStatus: 202, sentValues: sent }, okWrite);
    if (sent === null) return finish(job, ctx, { status: "done", code: "nothing_to_write", message: MESSAGES.nothing_to_write, intercomStatus: 200, sentValues: null });
    contactCache().invalidate(job.workspaceId, contactId);
    return finish(job, ctx, { status: "done", code: refusedNote ? "value_too_long" : null, message: refusedNote, intercomStatus: 200, sentValues: sent }, okWrite);
  } catch (error) {
    if (error instanceof DeferredError) throw error;
    if (error instanceof NotConnectedError) return pause(job, ctx, "not_connected", MESSAGES.not_connected, null);
    if (error instanceof IntercomRateLimitedError) {
      await blockUntilReset(job.workspaceId, config.pacing, error.resetAt);
      return backToQueue(job, ctx, { status: "pending", nextRunAt: error.resetAt, uncount: true, code: "rate_limited", message: error.message, intercomStatus: 429 }, "rate_limited");
    }
    if (error instanceof IntercomAuthError) {
      // withIntercom has flipped the connection to "needs attention"; everything queued waits for a new token.
      await pauseWorkspace(job.workspaceId);
      return pause(job, ctx, "invalid_token", MESSAGES.needs_attention, error.status ?? 401);
    }
    if (error instanceof IntercomUnavailableError) {
      return retryOrDead(job, ctx, { code: errorCode(error), message: error.message, intercomStatus: error.status ?? null });
    }
    // Intercom says the attribute is unknown or not writable: re-read attributes now, not at the next scheduled refresh.
    if (error instanceof IntercomValidationError && error.reason === "unknown_attribute") await requestRefresh(job.workspaceId);
    if (error instanceof IntercomPermissionError || error instanceof IntercomNotFoundError || error instanceof IntercomValidationError || error instanceof IntercomError) {
      return finish(job, ctx, { status: "failed", code: errorCode(error), message: errorMessage(error), intercomStatus: error.status ?? null });
    }
    throw error;
  }
}

type AttemptInput = {
  operation: "read" | "write";
  requestValues: Record<string, SyncValue> | null;
  outcome: "ok" | "rate_limited" | "retryable" | "permanent" | "paused";
  httpStatus: number | null;
  errorCode?: string;
  errorMessage?: string;
  started: Date;
};

async function logAttempt(job: Job, ctx: RunnerContext, a: AttemptInput, tx: DbOrTx = getDb()) {
  await tx
    .insert(tables.syncAttempts)
    .values({
      workspaceId: job.workspaceId,
      jobId: job.id,
      operation: a.operation,
      requestValues: a.requestValues,
      outcome: a.outcome,
      httpStatus: a.httpStatus,
      errorCode: a.errorCode ?? null,
      errorMessage: a.errorMessage ?? null,
      durationMs: Date.now() - a.started.getTime(),
      workerId: ctx.workerId,
      startedAt: a.started,
    });
}

/** Only the worker holding the lease may move its job on (a reclaimed job belongs to someone else). */
const owned = (job: Job, ctx: RunnerContext) => {
  const j = tables.syncJobs;
  return and(eq(j.id, job.id), eq(j.status, "running"), eq(j.lockedBy, ctx.workerId));
};

async function finish(job: Job, ctx: RunnerContext, t: Terminal, attempt?: AttemptInput): Promise<JobOutcome> {
  const now = new Date();
  const j = tables.syncJobs;
  return getDb().transaction(async (tx) => {
    if (attempt) await logAttempt(job, ctx, attempt, tx);
    const rows = await tx
      .update(j)
      .set({
        status: t.status,
        lastErrorCode: t.code,
        lastErrorMessage: t.message,
        intercomStatus: t.intercomStatus,
        ...(t.sentValues !== undefined ? { sentValues: t.sentValues } : {}),
        lockedBy: null,
        lockedUntil: null,
        finishedAt: now,
        updatedAt: now,
        version: job.version + 1,
      })
      .where(owned(job, ctx))
      .returning({ id: j.id });
    return rows.length > 0 ? t.status : ("lost_lease" as const);
  });
}

async function retryOrDead(job: Job, ctx: RunnerContext, e: { code: string; message: string; intercomStatus: number | null }): Promise<JobOutcome> {
  if (job.attempts >= ctx.config.maxAttempts) {
    const outcome = await finish(job, ctx, { status: "dead", code: e.code, message: `${e.message} Gave up after ${job.attempts} attempts.`, intercomStatus: e.intercomStatus });
    if (outcome === "dead") {
      await notify(job.workspaceId, {
        kind: "dead_letter",
        title: "Writes to Intercom failed for good",
        body: `Tailor gave up on a write after ${job.attempts} attempts (${e.code}). Open the sync log to see it and retry.`,
        link: "/integrations/intercom/sync-log",
      });
    }
    return outcome;
  }
  const nextRunAt = new Date(Date.now() + backoffDelay(job.attempts, ctx.config));
  return backToQueue(job, ctx, { status: "pending", nextRunAt, ...e }, "retry");
}

async function pause(job: Job, ctx: RunnerContext, code: string, message: string | null, intercomStatus: number | null): Promise<JobOutcome> {
  const status = code === "waiting_identification" ? "waiting_identification" : "paused";
  return backToQueue(job, ctx, { status, nextRunAt: new Date(), uncount: true, code, message, intercomStatus }, status === "paused" ? "paused" : "deferred");
}

type Requeue = {
  status: "pending" | "paused" | "waiting_identification";
  nextRunAt: Date;
  /** The claim counted an attempt that never reached Intercom as a real try (429, pacing, pause). */
  uncount?: boolean;
  code?: string;
  message?: string | null;
  intercomStatus?: number | null;
};

/**
 * Puts a running job back in the queue. If newer values arrived meanwhile they sit in a follow-up
 * job for the same target (only one open job per target may exist): fold it into this one.
 */
async function backToQueue(job: Job, ctx: RunnerContext, r: Requeue, outcome: JobOutcome): Promise<JobOutcome> {
  const j = tables.syncJobs;
  return getDb().transaction(async (tx) => {
    const [current] = await tx.select().from(j).where(owned(job, ctx));
    if (!current) return "lost_lease" as const;
    let values = current.values;
    let policies = current.policies;
    let status: Requeue["status"] = r.status;
    // A new answer may update the follow-up while we fold it (its version moves on): read it again.
    // Events are never folded: a visitor's other events on the same target are events of their own.
    for (let tries = 0; job.kind !== "event"; tries++) {
      const [followUp] = await tx
        .select()
        .from(j)
        .where(and(eq(j.workspaceId, job.workspaceId), eq(j.targetKey, job.targetKey), inArray(j.status, [...OPEN_STATUSES]), ne(j.id, job.id)));
      if (!followUp) break;
      const removed = await tx.delete(j).where(and(eq(j.id, followUp.id), eq(j.version, followUp.version))).returning({ id: j.id });
      if (removed.length === 0) {
        if (tries < 5) continue;
        throw new Error("sync: follow-up job kept changing while folding it in");
      }
      values = { ...values, ...followUp.values };
      policies = { ...policies, ...followUp.policies };
      if (followUp.status === "paused") status = "paused";
      break;
    }
    await tx
      .update(j)
      .set({
        status,
        values,
        policies,
        nextRunAt: r.nextRunAt,
        attempts: r.uncount ? Math.max(0, current.attempts - 1) : current.attempts,
        lastErrorCode: r.code ?? current.lastErrorCode,
        lastErrorMessage: r.message === undefined ? current.lastErrorMessage : r.message,
        intercomStatus: r.intercomStatus === undefined ? current.intercomStatus : r.intercomStatus,
        lockedBy: null,
        lockedUntil: null,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(j.id, job.id));
    return outcome;
  });
}

/** A revoked token: every queued job of the workspace waits for the reconnect. */
async function pauseWorkspace(workspaceId: string) {
  const j = tables.syncJobs;
  await getDb()
    .update(j)
    .set({
      status: "paused",
      lastErrorCode: "invalid_token",
      lastErrorMessage: MESSAGES.needs_attention,
      version: sql`${j.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(j.workspaceId, workspaceId), eq(j.status, "pending")));
}
