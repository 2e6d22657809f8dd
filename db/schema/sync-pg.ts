import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users, workspaces } from "./pg";
import { IDENTIFIED_BY } from "./identity-types";
import { SYNC_JOB_KINDS, SYNC_JOB_STATUSES, type SyncValue, type WritePolicy } from "./sync-types";

// Sync engine: the durable outbox of writes to Intercom, the log of every HTTP attempt, and the
// rate-limit state all workers share. Mirror of ./sync-sqlite.ts.
const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const workspaceId = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

export const syncJobs = pgTable(
  "sync_jobs",
  {
    id: id(),
    workspaceId: workspaceId(),
    kind: text("kind", { enum: SYNC_JOB_KINDS }).notNull(),
    status: text("status", { enum: SYNC_JOB_STATUSES }).notNull(),
    targetKey: text("target_key").notNull(),
    contactId: text("contact_id"),
    visitorId: text("visitor_id"),
    contactEmail: text("contact_email"),
    // How the visitor behind this write was identified (IDENTIFIED_BY); null for tests and backfills by contact.
    identifiedBy: text("identified_by", { enum: IDENTIFIED_BY }),
    values: jsonb("values").$type<Record<string, SyncValue>>().notNull(),
    policies: jsonb("policies").$type<Record<string, WritePolicy>>().notNull(),
    sentValues: jsonb("sent_values").$type<Record<string, SyncValue>>(),
    attempts: integer("attempts").notNull().default(0),
    nextRunAt: ts("next_run_at").notNull(),
    lockedBy: text("locked_by"),
    lockedUntil: ts("locked_until"),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
    intercomStatus: integer("intercom_status"),
    version: integer("version").notNull().default(0),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    // Data events (kind "event"): one job per behaviour, never coalesced. `values` holds the metadata.
    eventName: text("event_name"),
    // The behaviour's own time in Unix seconds: with the contact and the name, Intercom's dedupe key.
    eventCreatedAt: integer("event_created_at"),
    // One job per behaviour: the same behaviour reported twice (a retried request) is recorded once.
    idempotencyKey: text("idempotency_key"),
  },
  (t) => [
    uniqueIndex("sync_jobs_open_target_idx")
      .on(t.workspaceId, t.targetKey)
      .where(sql`status in ('pending', 'waiting_identification', 'paused') and kind <> 'event'`),
    index("sync_jobs_claim_idx").on(t.status, t.nextRunAt),
    // A target's jobs by status and due time: the claim's per-candidate checks ("a job of this target
    // is running", "an earlier open event of this visitor") are index seeks, not scans of the
    // target's whole history. Its (workspace_id, target_key) prefix serves the coalescing lookups.
    index("sync_jobs_target_status_idx").on(t.workspaceId, t.targetKey, t.status, t.nextRunAt),
    index("sync_jobs_workspace_created_idx").on(t.workspaceId, t.createdAt),
    // Overview: pending and dead-lettered writes are counts on this index.
    index("sync_jobs_workspace_status_idx").on(t.workspaceId, t.status),
    uniqueIndex("sync_jobs_idempotency_idx").on(t.workspaceId, t.idempotencyKey),
  ],
);

export const syncAttempts = pgTable(
  "sync_attempts",
  {
    id: id(),
    workspaceId: workspaceId(),
    jobId: text("job_id").notNull().references(() => syncJobs.id, { onDelete: "cascade" }),
    operation: text("operation", { enum: ["read", "write"] }).notNull(),
    requestValues: jsonb("request_values").$type<Record<string, SyncValue>>(),
    outcome: text("outcome", { enum: ["ok", "rate_limited", "retryable", "permanent", "paused"] }).notNull(),
    httpStatus: integer("http_status"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    durationMs: integer("duration_ms").notNull(),
    workerId: text("worker_id"),
    startedAt: ts("started_at").notNull(),
  },
  (t) => [index("sync_attempts_job_idx").on(t.jobId), index("sync_attempts_workspace_started_idx").on(t.workspaceId, t.startedAt)],
);

export const intercomRateState = pgTable("intercom_rate_state", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  limit: integer("limit"),
  remaining: integer("remaining"),
  resetAt: ts("reset_at"),
  windowMs: integer("window_ms").notNull(),
  nextSlotAt: ts("next_slot_at").notNull(),
  version: integer("version").notNull().default(0),
  updatedAt: ts("updated_at").notNull(),
});

export const syncBackfillState = pgTable("sync_backfill_state", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  configVersion: integer("config_version").notNull(),
  mappingIds: jsonb("mapping_ids").$type<string[]>().notNull(),
  updatedAt: ts("updated_at").notNull(),
});
