// Debug panel, behaviour: a contact's latest data events as Tailor sent them (from the outbox) and
// its behaviour fields' current values; and a test event, sent now and verified by reading the
// contact's events back from Intercom. Logged in the sync log as kind "test".
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { behaviorFieldValues } from "@/lib/behavior/field-values";
import { BEHAVIOR_FIELDS, type BehaviorField } from "@/db/schema/behavior-fields";
import { withIntercom } from "@/lib/intercom-integration/connection";
import { IntercomError, IntercomNotFoundError, IntercomUnavailableError, IntercomValidationError } from "@/lib/intercom";
import { syncConfigFromEnv } from "@/lib/sync/config";
import { observeRateLimit, reserveSlot } from "@/lib/sync/pacing";

export const TEST_EVENT_NAME = "tested-tailor-event";

export type DebugEventRow = {
  id: string;
  eventName: string;
  createdAt: number;
  status: string;
  intercomStatus: number | null;
  errorCode: string | null;
  metadata: Record<string, unknown>;
};

export type DebugBehavior = {
  events: DebugEventRow[];
  fields: { field: BehaviorField; label: string; value: string | number | null }[];
};

export async function contactBehavior(workspaceId: string, contactId: string): Promise<DebugBehavior> {
  const j = tables.syncJobs;
  const v = tables.visitors;
  const db = getDb();
  const visitors = await db.select({ id: v.id }).from(v).where(and(eq(v.workspaceId, workspaceId), eq(v.intercomContactId, contactId))).orderBy(desc(v.lastSeenAt)).limit(20);
  const jobs = await db
    .select()
    .from(j)
    .where(and(eq(j.workspaceId, workspaceId), inArray(j.kind, ["event", "test"]), eq(j.contactId, contactId)))
    .orderBy(desc(j.createdAt))
    .limit(40);
  const events = jobs
    .filter((x) => x.eventName)
    .slice(0, 10)
    .map((x) => ({ id: x.id, eventName: x.eventName!, createdAt: x.eventCreatedAt ?? 0, status: x.status, intercomStatus: x.intercomStatus, errorCode: x.lastErrorCode, metadata: x.values }));
  const latest = visitors[0] ? await behaviorFieldValues(visitors[0].id) : null;
  const fields = (Object.keys(BEHAVIOR_FIELDS) as BehaviorField[]).map((field) => {
    const value = latest?.[field] ?? null;
    return { field, label: BEHAVIOR_FIELDS[field].label, value: value instanceof Date ? value.toISOString() : value };
  });
  return { events, fields };
}

export type TestEventResult = { ok: boolean; verified: boolean; status: number | null; errorCode: string | null; message: string; createdAt: number };

/** Sends one test event now (under the workspace's pacing, no retry), then reads the contact's events back. Audited by the caller. */
export async function sendTestEvent(actor: { workspaceId: string; userId: string }, contactId: string): Promise<TestEventResult> {
  const config = syncConfigFromEnv();
  const createdAt = Math.floor(Date.now() / 1000);
  const metadata = { source: "debug_panel", sent_date: createdAt };
  let result: TestEventResult;
  const started = new Date();
  try {
    const verified = await withIntercom(
      actor.workspaceId,
      async (client) => {
        for (let i = 0; i < 2; i++) {
          const slot = await reserveSlot(actor.workspaceId, config.pacing);
          if (slot > Date.now()) await new Promise((r) => setTimeout(r, Math.min(slot - Date.now(), 5_000)));
          if (i === 0) await client.createEvent({ contactId, eventName: TEST_EVENT_NAME, createdAt, metadata });
          else return (await client.listEvents(contactId)).some((e) => e.eventName === TEST_EVENT_NAME && e.createdAt === createdAt);
        }
        return false;
      },
      { writeTimeoutMs: config.writeTimeoutMs, writeMaxRetries: 0, onResponse: (info) => void observeRateLimit(actor.workspaceId, config.pacing, info.rateLimit) },
    );
    result = verified
      ? { ok: true, verified: true, status: 202, errorCode: null, message: "Intercom accepted the event and lists it on the contact.", createdAt }
      : { ok: true, verified: false, status: 202, errorCode: "not_listed", message: "Intercom accepted the event (202) but doesn't list it on the contact yet.", createdAt };
  } catch (error) {
    if (!(error instanceof IntercomError)) throw error;
    const code = error instanceof IntercomValidationError ? error.reason : error instanceof IntercomUnavailableError ? error.reason : error instanceof IntercomNotFoundError ? "contact_not_found" : error.kind;
    result = { ok: false, verified: false, status: error.status ?? null, errorCode: code, message: error.message, createdAt };
  }
  const now = new Date();
  await getDb().transaction(async (tx) => {
    const [job] = await tx
      .insert(tables.syncJobs)
      .values({
        workspaceId: actor.workspaceId,
        kind: "test",
        status: result.ok ? "done" : "failed",
        targetKey: `contact:${contactId}`,
        contactId,
        values: metadata,
        policies: {},
        sentValues: metadata,
        attempts: 1,
        nextRunAt: started,
        eventName: TEST_EVENT_NAME,
        eventCreatedAt: createdAt,
        lastErrorCode: result.errorCode,
        lastErrorMessage: result.ok && result.verified ? null : result.message,
        intercomStatus: result.status,
        actorUserId: actor.userId,
        createdAt: started,
        updatedAt: now,
        startedAt: started,
        finishedAt: now,
      })
      .returning({ id: tables.syncJobs.id });
    await tx.insert(tables.syncAttempts).values({
      workspaceId: actor.workspaceId,
      jobId: job!.id,
      operation: "write",
      requestValues: metadata,
      outcome: result.ok ? "ok" : "permanent",
      httpStatus: result.status,
      errorCode: result.errorCode,
      errorMessage: result.ok ? null : result.message,
      durationMs: now.getTime() - started.getTime(),
      workerId: "debug-panel",
      startedAt: started,
    });
  });
  return result;
}
