// Data events in the outbox: one job per behaviour (kind "event"), append-only, never coalesced.
// They share everything else with attribute writes: the claim, the workspace's pacing, retries,
// backoff, dead letters and the sync log. An anonymous (or not yet verified) visitor's events wait
// as `waiting_identification` and move to the contact, oldest first, once a writable identity links
// them; after the waiting window (TAILOR_EVENT_WAIT_DAYS, default 30) they expire.
import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { canWriteToContact, WRITABLE_IDENTITIES, type IdentifiedBy } from "@/lib/identity/trust";
import { canWriteBack } from "@/lib/intercom-integration/health";
import { env } from "@/lib/env";
import { wakeWorkers } from "./wake";

export type EventMetadata = Record<string, string | number>;

const DAY_MS = 86_400_000;

/** How long an anonymous visitor's behaviour waits for identification (days, TAILOR_EVENT_WAIT_DAYS). */
export function eventWaitWindowMs(): number {
  return env().TAILOR_EVENT_WAIT_DAYS * DAY_MS;
}

/** A visitor's events queue on one target: the claim runs them one at a time, oldest first. */
export const eventTarget = (visitorId: string) => `events:${visitorId}`;

export type EventVisitor = { id: string; email: string | null; intercomContactId: string | null; identifiedBy: IdentifiedBy | null };

export type EnqueueEventInput = {
  workspaceId: string;
  visitor: EventVisitor;
  eventName: string;
  /** The behaviour's own time; sent as whole Unix seconds. */
  occurredAt: Date;
  metadata: EventMetadata;
  /** Unique per behaviour (and rule): the same behaviour reported twice is recorded once. */
  idempotencyKey: string;
};

/** Records one event in the outbox, inside the caller's transaction. Returns null for a repeat (or a read-only token). */
export async function enqueueEvent(tx: DbOrTx, input: EnqueueEventInput): Promise<{ jobId: string } | null> {
  if (!(await canWriteBack(input.workspaceId, tx))) return null;
  const writable = canWriteToContact(input.visitor.identifiedBy) && input.visitor.intercomContactId !== null;
  const now = new Date();
  const [row] = await tx
    .insert(tables.syncJobs)
    .values({
      workspaceId: input.workspaceId,
      kind: "event",
      status: writable ? "pending" : "waiting_identification",
      targetKey: eventTarget(input.visitor.id),
      contactId: writable ? input.visitor.intercomContactId : null,
      visitorId: input.visitor.id,
      contactEmail: writable ? input.visitor.email : null,
      identifiedBy: writable ? input.visitor.identifiedBy : null,
      values: input.metadata,
      policies: {},
      eventName: input.eventName,
      eventCreatedAt: Math.floor(input.occurredAt.getTime() / 1000),
      idempotencyKey: input.idempotencyKey,
      nextRunAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: tables.syncJobs.id });
  if (row && writable) wakeWorkers();
  return row ? { jobId: row.id } : null;
}

/**
 * A visitor now has a writable identity: its waiting events go to the contact in time order (the
 * claim takes jobs by next_run_at, so each gets a slot one millisecond after the previous one).
 * Events older than the window expire instead.
 */
export async function promoteVisitorEvents(
  tx: DbOrTx,
  args: { workspaceId: string; visitorId: string; contactId: string; email: string | null; identifiedBy: IdentifiedBy | null; windowMs?: number },
): Promise<number> {
  const j = tables.syncJobs;
  const waiting = await tx
    .select({ id: j.id, eventCreatedAt: j.eventCreatedAt })
    .from(j)
    .where(and(eq(j.workspaceId, args.workspaceId), eq(j.visitorId, args.visitorId), eq(j.kind, "event"), eq(j.status, "waiting_identification")))
    // Same second: the order they were queued in (next_run_at is the enqueue time in ms until now;
    // created_at has whole seconds on SQLite, so alone it leaves same-second events in any order).
    .orderBy(asc(j.eventCreatedAt), asc(j.nextRunAt), asc(j.createdAt), asc(j.id));
  if (waiting.length === 0) return 0;
  const oldest = Math.floor((Date.now() - (args.windowMs ?? eventWaitWindowMs())) / 1000);
  const base = Date.now();
  let promoted = 0;
  for (const [i, job] of waiting.entries()) {
    if ((job.eventCreatedAt ?? 0) < oldest) {
      await expire(tx, [job.id]);
      continue;
    }
    await tx
      .update(j)
      .set({
        status: "pending",
        contactId: args.contactId,
        contactEmail: args.email,
        identifiedBy: args.identifiedBy,
        nextRunAt: new Date(base + i),
        lastErrorCode: null,
        lastErrorMessage: null,
        version: sql`${j.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(j.id, job.id), eq(j.status, "waiting_identification")));
    promoted++;
  }
  if (promoted > 0) wakeWorkers();
  return promoted;
}

const EXPIRED_MESSAGE = "The visitor was not identified (and verified) within the waiting window; the event was not sent.";

async function expire(tx: DbOrTx, ids: string[]) {
  const j = tables.syncJobs;
  const now = new Date();
  await tx
    .update(j)
    .set({ status: "failed", lastErrorCode: "expired", lastErrorMessage: EXPIRED_MESSAGE, finishedAt: now, updatedAt: now, version: sql`${j.version} + 1` })
    .where(and(inArray(j.id, ids), eq(j.status, "waiting_identification")));
}

/** Housekeeping: waiting events of visitors identified elsewhere (e.g. a late lookup) move on; too-old ones expire. */
export async function promoteWaitingEvents({ windowMs = eventWaitWindowMs() }: { windowMs?: number } = {}): Promise<number> {
  const j = tables.syncJobs;
  const v = tables.visitors;
  const db = getDb();
  const ready = await db
    .selectDistinct({ workspaceId: j.workspaceId, visitorId: v.id, contactId: v.intercomContactId, email: v.email, identifiedBy: v.identifiedBy })
    .from(j)
    .innerJoin(v, eq(v.id, j.visitorId))
    .where(and(eq(j.kind, "event"), eq(j.status, "waiting_identification"), isNotNull(v.intercomContactId), inArray(v.identifiedBy, [...WRITABLE_IDENTITIES])))
    .limit(200);
  let promoted = 0;
  for (const row of ready) {
    promoted += await db.transaction((tx) =>
      promoteVisitorEvents(tx, { workspaceId: row.workspaceId, visitorId: row.visitorId, contactId: row.contactId!, email: row.email, identifiedBy: row.identifiedBy, windowMs }),
    );
  }
  const stale = await db
    .select({ id: j.id })
    .from(j)
    .where(and(eq(j.kind, "event"), eq(j.status, "waiting_identification"), lt(j.eventCreatedAt, Math.floor((Date.now() - windowMs) / 1000))))
    .limit(500);
  if (stale.length > 0) await expire(db, stale.map((s) => s.id));
  return promoted;
}
