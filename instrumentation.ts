/**
 * Next.js calls register() once per server process. The embedded default (SQLite) runs the sync
 * worker inside the app; with Postgres, run `npm run worker` (one or more) unless
 * TAILOR_INPROCESS_WORKER=1 asks for it here too. Never during `next build`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startInProcessWorkerIfWanted } = await import("./lib/sync/in-process");
    await startInProcessWorkerIfWanted();
  }
}
