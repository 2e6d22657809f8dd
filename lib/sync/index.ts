/**
 * Sync engine: durable, rate-aware write-back of segment answers, behaviour fields and data events to Intercom. docs/sync-engine.md.
 *
 * For the debug panel (its trial writes show in the sync log as kind "test"):
 *   recordTrialWrite({ workspaceId, contactId, contactEmail?, values, actorUserId,
 *                      result: { ok, status?, errorCode?, errorMessage?, durationMs } }) → { jobId }
 *     logs a PUT the debug panel made itself (lib/debug/trial-write.ts);
 *   getSyncLog(workspaceId, { contact: "<email or contact id>", period: "7d" }) → SyncLogView.
 *
 * Writers: lib/runtime/answers.ts and visitors.ts queue writes in their own transactions
 * (queueAnswerWrite, queueIdentifiedVisitor); lib/behavior queues data events (enqueueEvent: one
 * job per behaviour, idempotency key, created_at = the behaviour's second) and behaviour fields. Workers: SyncWorker (in-process from
 * instrumentation.ts on SQLite; `npm run worker` for production).
 */
export { recordTrialWrite, type RecordTrialWriteInput, type TrialWriteOutcome } from "./trial-write";
export { getSyncLog, retrySyncJob, syncLogFilterSchema, type SyncLogEntry, type SyncLogFilter, type SyncLogView } from "./log";
export { enqueueWrite, queueAnswerWrite, queueIdentifiedVisitor } from "./outbox";
export { enqueueEvent, eventWaitWindowMs, promoteVisitorEvents, type EnqueueEventInput, type EventMetadata } from "./events";
export { SyncWorker, startInProcessWorker } from "./worker";
