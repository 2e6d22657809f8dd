import type { PacingConfig } from "./pacing";

export type SyncConfig = {
  /** Jobs one worker runs at the same time. */
  concurrency: number;
  /** How long a claimed job belongs to its worker; a killed worker's jobs are reclaimed after it. */
  leaseMs: number;
  /** Idle wait between claims when the queue is empty. */
  pollMs: number;
  /** Transient failures (5xx, timeouts, network) before a job is dead-lettered. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Per-attempt timeout of a PUT (the read before an "only when empty" write uses the client's read timeout). */
  writeTimeoutMs: number;
  readTimeoutMs: number;
  /** Housekeeping (resume after reconnect, backfills, newly identified visitors) at most this often. */
  housekeepingMs: number;
  /** Wait after a publish before backfilling newly enabled mappings (> the 5 s live-config cache). */
  backfillSettleMs: number;
  pacing: PacingConfig;
  /** Re-read Intercom data attributes (and re-check the token) this often (TAILOR_INTERCOM_REFRESH_MS, default 1 h). */
  intercomRefreshMs: number;
  /** Daily digest of notifications by email: sent at most this often per member (TAILOR_NOTIFICATION_DIGEST_MS). */
  notificationDigestMs: number;
  /** Whether this worker runs the scheduled refresh (tests that drain a queue turn it off). */
  intercomRefresh: boolean;
};

function num(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function syncConfigFromEnv(env: Record<string, string | undefined> = process.env): SyncConfig {
  return {
    concurrency: Math.max(1, num(env, "TAILOR_SYNC_CONCURRENCY", 4)),
    leaseMs: num(env, "TAILOR_SYNC_LEASE_MS", 60_000),
    pollMs: num(env, "TAILOR_SYNC_POLL_MS", 500),
    maxAttempts: Math.max(1, num(env, "TAILOR_SYNC_MAX_ATTEMPTS", 8)),
    backoffBaseMs: num(env, "TAILOR_SYNC_BACKOFF_BASE_MS", 2_000),
    backoffMaxMs: num(env, "TAILOR_SYNC_BACKOFF_MAX_MS", 300_000),
    writeTimeoutMs: num(env, "TAILOR_SYNC_WRITE_TIMEOUT_MS", 10_000),
    readTimeoutMs: num(env, "TAILOR_SYNC_READ_TIMEOUT_MS", 5_000),
    housekeepingMs: num(env, "TAILOR_SYNC_HOUSEKEEPING_MS", 2_000),
    backfillSettleMs: num(env, "TAILOR_SYNC_BACKFILL_SETTLE_MS", 10_000),
    intercomRefreshMs: Math.max(1_000, num(env, "TAILOR_INTERCOM_REFRESH_MS", 3_600_000)),
    intercomRefresh: env.TAILOR_INTERCOM_REFRESH !== "0",
    notificationDigestMs: Math.max(1_000, num(env, "TAILOR_NOTIFICATION_DIGEST_MS", 86_400_000)),
    pacing: {
      target: Math.min(1, Math.max(0.1, num(env, "TAILOR_SYNC_RATE_TARGET", 0.95))),
      windowMs: Math.max(1_000, num(env, "TAILOR_SYNC_RATE_WINDOW_MS", 10_000)),
      coldIntervalMs: 20,
    },
  };
}

/** Exponential backoff with jitter: base·2^(n−1), capped, then a random 50–100 % of it. */
export function backoffDelay(attempt: number, config: Pick<SyncConfig, "backoffBaseMs" | "backoffMaxMs">, random = Math.random): number {
  const exp = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}
