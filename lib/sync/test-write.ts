import { getDb, tables } from "@/db/client";
import type { SyncValue } from "@/db/schema/sync-types";
import { withIntercom } from "@/lib/intercom-integration/connection";
import { IntercomError, IntercomNotFoundError, IntercomUnavailableError, IntercomValidationError, type IntercomResponseInfo } from "@/lib/intercom";
import { contactCache } from "@/lib/runtime/contact-cache";
import { syncConfigFromEnv } from "./config";
import { contactTarget } from "./outbox";
import { observeRateLimit, reserveSlot } from "./pacing";

export type TestWriteResult = { ok: boolean; status?: number; errorCode?: string; errorMessage?: string; durationMs: number };

export type RecordTestWriteInput = {
  workspaceId: string;
  contactId: string;
  contactEmail?: string | null;
  values: Record<string, SyncValue>;
  actorUserId: string;
  result: TestWriteResult;
};

/** Logs a test write made elsewhere (the debug panel) in the sync log, as kind "test". */
export async function recordTestWrite(input: RecordTestWriteInput): Promise<{ jobId: string }> {
  const now = new Date();
  const started = new Date(now.getTime() - input.result.durationMs);
  return getDb().transaction(async (tx) => {
    const [job] = await tx
      .insert(tables.syncJobs)
      .values({
        workspaceId: input.workspaceId,
        kind: "test",
        status: input.result.ok ? "done" : "failed",
        targetKey: contactTarget(input.contactId),
        contactId: input.contactId,
        contactEmail: input.contactEmail ?? null,
        values: input.values,
        policies: Object.fromEntries(Object.keys(input.values).map((k) => [k, "overwrite" as const])),
        sentValues: input.values,
        attempts: 1,
        nextRunAt: started,
        lastErrorCode: input.result.errorCode ?? null,
        lastErrorMessage: input.result.errorMessage ?? null,
        intercomStatus: input.result.status ?? null,
        actorUserId: input.actorUserId,
        createdAt: started,
        updatedAt: now,
        startedAt: started,
        finishedAt: now,
      })
      .returning({ id: tables.syncJobs.id });
    await tx.insert(tables.syncAttempts).values({
      workspaceId: input.workspaceId,
      jobId: job!.id,
      operation: "write",
      requestValues: input.values,
      outcome: input.result.ok ? "ok" : "permanent",
      httpStatus: input.result.status ?? null,
      errorCode: input.result.errorCode ?? null,
      errorMessage: input.result.errorMessage ?? null,
      durationMs: input.result.durationMs,
      workerId: "debug-panel",
      startedAt: started,
    });
    return { jobId: job!.id };
  });
}

/**
 * Performs a test write now (one PUT, under the workspace's rate pacing, no retry) and logs it as
 * kind "test". Intercom failures come back in `result`; a 401 flips the connection as usual.
 */
export async function runTestWrite(input: Omit<RecordTestWriteInput, "result">): Promise<{ jobId: string; result: TestWriteResult }> {
  const config = syncConfigFromEnv();
  const seen: { last?: IntercomResponseInfo } = {};
  const slot = await reserveSlot(input.workspaceId, config.pacing);
  if (slot > Date.now()) await new Promise((r) => setTimeout(r, Math.min(slot - Date.now(), 5_000)));
  const started = Date.now();
  let result: TestWriteResult;
  try {
    await withIntercom(input.workspaceId, (client) => client.updateContactCustomAttributes(input.contactId, input.values), {
      writeTimeoutMs: config.writeTimeoutMs,
      writeMaxRetries: 0,
      onResponse: (info) => (seen.last = info),
    });
    contactCache().invalidate(input.workspaceId, input.contactId);
    result = { ok: true, status: 200, durationMs: Date.now() - started };
  } catch (error) {
    if (!(error instanceof IntercomError)) throw error;
    const code =
      error instanceof IntercomValidationError ? error.reason : error instanceof IntercomUnavailableError ? error.reason : error instanceof IntercomNotFoundError ? "contact_not_found" : error.kind;
    result = { ok: false, status: error.status, errorCode: code, errorMessage: error.message, durationMs: Date.now() - started };
  }
  const info = seen.last?.rateLimit;
  if (info) await observeRateLimit(input.workspaceId, config.pacing, info);
  return { ...(await recordTestWrite({ ...input, result })), result };
}
