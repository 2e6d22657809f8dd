/**
 * `npm run runtime`: the standalone website-runtime server (the public API, tailor.js, /health,
 * /ready) beside the app, on the same database, Redis and invalidation bus. Port and host from
 * TAILOR_RUNTIME_PORT / TAILOR_RUNTIME_HOST (lib/runtime-server/settings.ts).
 * Graceful stop on SIGTERM/SIGINT: /ready turns 503, no new connections, requests in flight finish,
 * then buffered impressions and site activity are written.
 */
import { logInfo } from "@/lib/log";
import { flushRuntimeBuffers } from "@/lib/runtime/flush-buffers";
import { startNode } from "@/lib/shared/lifecycle";
import { startRuntimeServer } from "./server";
import { runtimeServerSettings } from "./settings";

async function main() {
  const settings = runtimeServerSettings();
  // Redis, the invalidation listener and readiness → 503 on SIGTERM (the app's own startup, minus the sync worker).
  startNode();
  const runtime = await startRuntimeServer(settings);
  logInfo("runtime server ready", { url: runtime.url });
  console.log(`▲ Tailor runtime ready on ${runtime.url}`);

  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(0), settings.shutdownGraceMs).unref();
      void runtime.close().then(async () => {
        await (globalThis as { tailorDrained?: Promise<void> }).tailorDrained?.catch(() => undefined);
        await flushRuntimeBuffers();
        process.exit(0);
      });
    });
  }
}

main().catch((error: unknown) => {
  console.error(`The runtime server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
