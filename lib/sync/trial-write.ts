import { getDb, tables } from "@/db/client";
import type { SyncValue } from "@/db/schema/sync-types";
import { contactTarget } from "./outbox";

/** How one trial write (the debug panel's "Write test values") went. */
export type TrialWriteOutcome = { ok: boolean; status?: number; errorCode?: string; errorMessage?: string; durationMs: number };

export type RecordTrialWriteInput = {
  workspaceId: string;
  contactId: string;
  contactEmail?: string | null;
  values: Record<string, SyncValue>;
  actorUserId: string;
  result: TrialWriteOutcome;
};

/** Logs a trial write made by the debug panel in the sync log, as kind "test". */
export async function recordTrialWrite(input: RecordTrialWriteInput): Promise<{ jobId: string }> {
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
