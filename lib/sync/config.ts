import { env, parseEnv, type EnvSource } from "@/lib/env";
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

/** The sync settings of this process (lib/env.ts), or of `source` (tests). */
export function syncConfigFromEnv(source?: EnvSource): SyncConfig {
  const s = source ? parseEnv(source) : env();
  return {
    concurrency: s.TAILOR_SYNC_CONCURRENCY,
    leaseMs: s.TAILOR_SYNC_LEASE_MS,
    pollMs: s.TAILOR_SYNC_POLL_MS,
    maxAttempts: s.TAILOR_SYNC_MAX_ATTEMPTS,
    backoffBaseMs: s.TAILOR_SYNC_BACKOFF_BASE_MS,
    backoffMaxMs: s.TAILOR_SYNC_BACKOFF_MAX_MS,
    writeTimeoutMs: s.TAILOR_SYNC_WRITE_TIMEOUT_MS,
    readTimeoutMs: s.TAILOR_SYNC_READ_TIMEOUT_MS,
    housekeepingMs: s.TAILOR_SYNC_HOUSEKEEPING_MS,
    backfillSettleMs: s.TAILOR_SYNC_BACKFILL_SETTLE_MS,
    intercomRefreshMs: s.TAILOR_INTERCOM_REFRESH_MS,
    intercomRefresh: s.TAILOR_INTERCOM_REFRESH ?? true,
    notificationDigestMs: s.TAILOR_NOTIFICATION_DIGEST_MS,
    pacing: { target: s.TAILOR_SYNC_RATE_TARGET, windowMs: s.TAILOR_SYNC_RATE_WINDOW_MS, coldIntervalMs: 20 },
  };
}

/** Exponential backoff with jitter: base·2^(n−1), capped, then a random 50–100 % of it. */
export function backoffDelay(attempt: number, config: Pick<SyncConfig, "backoffBaseMs" | "backoffMaxMs">, random = Math.random): number {
  const exp = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}
