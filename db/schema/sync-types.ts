// Shared by ./sync-sqlite.ts and ./sync-pg.ts (no tables here).
export const SYNC_JOB_STATUSES = ["pending", "waiting_identification", "running", "done", "failed", "dead", "paused"] as const;
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number];
export const SYNC_JOB_KINDS = ["sync", "backfill", "test", "event"] as const;
export type SyncJobKind = (typeof SYNC_JOB_KINDS)[number];
export type SyncValue = string | number | boolean | null;
export type WritePolicy = "overwrite" | "only_if_empty";
