import { dialect } from "@/db/client";
import { startInProcessWorker } from "./worker";
import { env, parseEnv, type EnvSource } from "@/lib/env";

const globalForWorker = globalThis as unknown as { tailorSyncWorker?: { stop: () => Promise<void> } };

/** SQLite (the embedded default) syncs inside the app process; Postgres deployments run `npm run worker`. */
export async function startInProcessWorkerIfWanted(source?: EnvSource): Promise<void> {
  const wanted = (source ? parseEnv(source) : env()).TAILOR_INPROCESS_WORKER ?? dialect === "sqlite";
  if (wanted) startInProcessWorker();
}

/** Graceful shutdown: the in-process worker finishes the jobs it holds (others' leases make a kill safe too). */
export async function stopInProcessWorker(): Promise<void> {
  await globalForWorker.tailorSyncWorker?.stop();
}
