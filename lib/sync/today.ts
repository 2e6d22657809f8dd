import { and, count, eq, gte, inArray, isNotNull } from "drizzle-orm";
import { getDb, tables } from "@/db/client";

export type SyncToday = { writesOk: number; writesFailed: number; pending: number; dead: number; drifted: number };

/**
 * Today's writes to Intercom (attempts since `since`: succeeded vs failed, whatever the retry
 * brought), the writes waiting now and those given up on (dead letters), and mappings Intercom
 * no longer accepts. Each is a count on an index with the workspace first.
 */
export async function syncToday(workspaceId: string, since: Date): Promise<SyncToday> {
  const db = getDb();
  const at = tables.syncAttempts;
  const j = tables.syncJobs;
  const m = tables.fieldMappings;
  const [attempts, jobs, [drift]] = await Promise.all([
    db
      .select({ outcome: at.outcome, n: count() })
      .from(at)
      .where(and(eq(at.workspaceId, workspaceId), gte(at.startedAt, since), eq(at.operation, "write")))
      .groupBy(at.outcome),
    db
      .select({ status: j.status, n: count() })
      .from(j)
      .where(and(eq(j.workspaceId, workspaceId), inArray(j.status, ["pending", "waiting_identification", "paused", "running", "dead"])))
      .groupBy(j.status),
    db.select({ n: count() }).from(m).where(and(eq(m.workspaceId, workspaceId), eq(m.enabled, true), isNotNull(m.driftReason))),
  ]);
  const ok = attempts.filter((r) => r.outcome === "ok").reduce((s, r) => s + Number(r.n), 0);
  const failed = attempts.filter((r) => r.outcome !== "ok").reduce((s, r) => s + Number(r.n), 0);
  const by = (statuses: string[]) => jobs.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + Number(r.n), 0);
  return {
    writesOk: ok,
    writesFailed: failed,
    pending: by(["pending", "waiting_identification", "paused", "running"]),
    dead: by(["dead"]),
    drifted: Number(drift?.n ?? 0),
  };
}
