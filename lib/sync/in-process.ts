import { dialect } from "@/db/client";
import { startInProcessWorker } from "./worker";

/** SQLite (the embedded default) syncs inside the app process; Postgres deployments run `npm run worker`. */
export async function startInProcessWorkerIfWanted(env: Record<string, string | undefined> = process.env): Promise<void> {
  const wanted = env.TAILOR_INPROCESS_WORKER ?? (dialect === "sqlite" ? "1" : "0");
  if (wanted === "1") startInProcessWorker();
}
