/**
 * Next.js calls register() once per server process. The embedded default (SQLite) runs the sync
 * worker inside the app; with Postgres, run `npm run worker` (one or more) unless
 * TAILOR_INPROCESS_WORKER=1 asks for it here too. Every node also connects Redis (when REDIS_URL is
 * set), listens for other nodes' cache invalidations and shuts down gracefully (buffered impressions
 * and site activity are written after the last request). Never during `next build`.
 * Settings (lib/env.ts) are checked first.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    // Every setting is parsed now: a bad one (e.g. TAILOR_PUBLIC_RATE_LIMIT=abc) stops the start with
    // an error naming it, instead of surfacing on the first request.
    const { env } = await import("./lib/env");
    env();
    const { startInProcessWorkerIfWanted, stopInProcessWorker } = await import("./lib/sync/in-process");
    const { startNode } = await import("./lib/shared/lifecycle");
    const { flushRuntimeBuffers } = await import("./lib/runtime/flush-buffers");
    // server.mjs calls this once the HTTP server has closed (no request can buffer more afterwards).
    (globalThis as { tailorFlushBuffers?: () => Promise<unknown> }).tailorFlushBuffers = flushRuntimeBuffers;
    startNode(stopInProcessWorker);
    await startInProcessWorkerIfWanted();
  }
}
