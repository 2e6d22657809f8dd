import { settleEnv } from "@/lib/env";
import { logInfo } from "@/lib/log";
import { startInvalidationListener, stopInvalidationListener } from "./bus";
import { markShuttingDown } from "./readiness";
import { redisClient } from "./redis";

/**
 * App-node startup (instrumentation.ts, the runtime server's cli.ts) and graceful shutdown: on SIGTERM/SIGINT /api/ready turns
 * 503 so load balancers drain the node, the given hook (the in-process sync worker) finishes its
 * jobs and the invalidation listener closes. server.mjs closes the HTTP server (waiting for requests
 * in flight), awaits `globalThis.tailorDrained` and exits; the database pool and Redis stay up meanwhile.
 */
export function startNode(onShutdown: () => Promise<void> = async () => undefined): void {
  // The server's environment is final now: settings are no longer compared on every read.
  settleEnv();
  redisClient();
  const transport = startInvalidationListener();
  logInfo("app node started", { invalidations: transport, redis: redisClient() ? "configured" : "not configured" });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    markShuttingDown();
    (globalThis as { tailorDrained?: Promise<void> }).tailorDrained = (async () => {
      await onShutdown().catch(() => undefined);
      await stopInvalidationListener();
    })();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
