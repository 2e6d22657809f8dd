import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { count, inArray } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { logError, logInfo } from "@/lib/log";
import { claimJobs, type ClaimedJob } from "./claim";
import { syncConfigFromEnv, type SyncConfig } from "./config";
import { runScheduledRefresh } from "@/lib/intercom-integration/refresh";
import { runHousekeeping } from "./housekeeping";
import { sendDueDigests } from "@/lib/notifications/email-delivery";
import { onSyncEnqueued } from "./outbox";
import { runJob, type JobOutcome } from "./runner";

export type WorkerHooks = {
  onJobStart?: (job: ClaimedJob) => void;
  onJobEnd?: (job: ClaimedJob, outcome: JobOutcome) => void;
};

export type SyncWorkerOptions = { id?: string; config?: Partial<SyncConfig>; hooks?: WorkerHooks };

/**
 * Claims jobs and runs up to `concurrency` of them at once. stop() finishes what is running and
 * claims nothing more; a kill -9 leaves leased jobs that another (or the restarted) worker
 * reclaims when the lease expires, and PUT with the full latest values makes the re-run harmless.
 */
export class SyncWorker {
  readonly id: string;
  readonly config: SyncConfig;
  private readonly hooks: WorkerHooks;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inflight = new Set<Promise<void>>();
  private wakeUp: (() => void) | null = null;
  private lastHousekeeping = 0;
  private lastDigestCheck = 0;
  private housekeeping: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(options: SyncWorkerOptions = {}) {
    this.id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 6)}`;
    this.config = { ...syncConfigFromEnv(), ...options.config };
    this.hooks = options.hooks ?? {};
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onSyncEnqueued(() => this.wake());
    this.loop = this.run();
  }

  /** Graceful: no new claims, in-flight jobs finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
    this.loop = null;
  }

  private wake() {
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // Housekeeping runs beside the claim loop, not in it: while it works (promotions, backfills,
        // the scheduled refresh, digests) jobs keep being claimed, so the pacing slots reserved ahead
        // are never left empty. One housekeeping run at a time.
        if (!this.housekeeping && Date.now() - this.lastHousekeeping >= this.config.housekeepingMs) {
          this.lastHousekeeping = Date.now();
          this.housekeeping = this.runHousekeepingTick()
            .catch((error: unknown) => logError("sync worker housekeeping", error, { workerId: this.id }))
            .finally(() => {
              this.housekeeping = null;
              this.lastHousekeeping = Date.now();
            });
        }
        const free = this.config.concurrency - this.inflight.size;
        if (free > 0) {
          const jobs = await claimJobs({ workerId: this.id, limit: free, leaseMs: this.config.leaseMs, paceHorizonMs: this.config.leaseMs / 3 });
          for (const job of jobs) this.track(job);
          if (jobs.length > 0 && jobs.length === free) continue;
        }
        await this.sleep(this.config.pollMs);
      } catch (error) {
        logError("sync worker loop", error, { workerId: this.id });
        await this.sleep(this.config.pollMs);
      }
    }
    await Promise.allSettled([...this.inflight, this.housekeeping]);
  }

  private async runHousekeepingTick(): Promise<void> {
    await runHousekeeping({ backfillSettleMs: this.config.backfillSettleMs });
    // Attribute/tag drift, capabilities and recovery of a connection that needs attention.
    if (this.config.intercomRefresh) await runScheduledRefresh({ intervalMs: this.config.intercomRefreshMs });
    // Digest emails: a cheap query, but not every 2 s tick (SMTP off makes it a no-op).
    if (Date.now() - this.lastDigestCheck >= Math.min(60_000, this.config.notificationDigestMs)) {
      this.lastDigestCheck = Date.now();
      await sendDueDigests({ intervalMs: this.config.notificationDigestMs });
    }
  }

  private track(job: ClaimedJob) {
    this.hooks.onJobStart?.(job);
    const promise: Promise<void> = runJob(job, { workerId: this.id, config: this.config })
      .then((outcome) => this.hooks.onJobEnd?.(job, outcome))
      .catch((error: unknown) => logError("sync job", error, { jobId: job.id }))
      .finally(() => {
        this.inflight.delete(promise);
        this.wake();
      });
    this.inflight.add(promise);
  }

  /** Runs until no job is pending or running (future retries included), then stops. For tests, the CLI's --drain and the bench. */
  async drain({ timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<void> {
    // Resume what a reconnect unblocked and queue backfills before deciding the queue is empty.
    await runHousekeeping({ backfillSettleMs: this.config.backfillSettleMs });
    this.start();
    const deadline = Date.now() + timeoutMs;
    try {
      while (Date.now() < deadline) {
        if ((await countActiveJobs()) === 0 && this.inflight.size === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`sync worker: queue not drained within ${timeoutMs} ms`);
    } finally {
      await this.stop();
    }
  }
}

export async function countActiveJobs(): Promise<number> {
  const j = tables.syncJobs;
  const [row] = await getDb().select({ n: count() }).from(j).where(inArray(j.status, ["pending", "running"]));
  return Number(row?.n ?? 0);
}

const globalForWorker = globalThis as unknown as { tailorSyncWorker?: SyncWorker };

/** The in-process worker of the embedded default (started from instrumentation.ts). */
export function startInProcessWorker(): SyncWorker {
  if (!globalForWorker.tailorSyncWorker) {
    globalForWorker.tailorSyncWorker = new SyncWorker();
    globalForWorker.tailorSyncWorker.start();
    logInfo("sync worker started in-process", { workerId: globalForWorker.tailorSyncWorker.id });
  }
  return globalForWorker.tailorSyncWorker;
}
