/**
 * `npm run worker`: the sync worker as its own process (production, Postgres: run several).
 * SIGTERM/SIGINT finish the jobs in flight and exit; kill -9 is safe too (leases expire and the
 * jobs are reclaimed). `--drain` exits once the queue is empty.
 */
import { closeDb, databaseUrl, dialect } from "@/db/client";
import { logInfo } from "@/lib/log";
import { redactUrl } from "@/lib/redact";
import { startInvalidationListener, stopInvalidationListener } from "@/lib/shared/bus";
import { closeRedis, redisClient } from "@/lib/shared/redis";
import { SyncWorker } from "./worker";
import { env } from "@/lib/env";

const worker = new SyncWorker();
logInfo("sync worker starting", { workerId: worker.id, dialect, database: redactUrl(databaseUrl()), concurrency: worker.config.concurrency });

// The worker reads the live version too: drop it at once when any node publishes. Redis (when
// configured) connects now, so the first write's contact-cache invalidation reaches it.
startInvalidationListener();
redisClient();

async function shutdown(code = 0) {
  await worker.stop();
  await stopInvalidationListener();
  await closeRedis();
  await closeDb();
  process.exit(code);
}

if (process.argv.includes("--drain")) {
  worker
    .drain({ timeoutMs: env().TAILOR_SYNC_DRAIN_TIMEOUT_MS })
    .then(() => shutdown(0))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      void shutdown(1);
    });
} else {
  worker.start();
}
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
