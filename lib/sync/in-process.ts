import { dialect } from "@/db/client";
import { startInProcessWorker } from "./worker";

const globalForWorker = globalThis as unknown as { tailorSyncWorker?: { stop: () => Promise<void> } };

/** SQLite (the embedded default) syncs inside the app process; Postgres deployments run `npm run worker`. */
export async function startInProcessWorkerIfWanted(env: Record<string, string | undefined> = process.env): Promise<void> {
  const wanted = env.TAILOR_INPROCESS_WORKER ?? (dialect === "sqlite" ? "1" : "0");
  if (wanted === "1") startInProcessWorker();
}

/** Graceful shutdown: the in-process worker finishes the jobs it holds (others' leases make a kill safe too). */
export async function stopInProcessWorker(): Promise<void> {
  await globalForWorker.tailorSyncWorker?.stop();
}
