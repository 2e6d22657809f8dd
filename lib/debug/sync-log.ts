import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { SyncLogView } from "./types";

const OPEN = new Set(["pending", "waiting_identification", "paused", "running"]);

/** Pending writes and the latest finished syncs for a contact (and its linked visitors), newest first. */
export async function readSyncLog(workspaceId: string, contactId: string, visitorIds: string[] = []): Promise<SyncLogView> {
  const j = tables.syncJobs;
  const target = visitorIds.length > 0 ? or(eq(j.contactId, contactId), inArray(j.visitorId, visitorIds)) : eq(j.contactId, contactId);
  const rows = await getDb()
    .select()
    .from(j)
    .where(and(eq(j.workspaceId, workspaceId), target))
    .orderBy(desc(j.createdAt))
    .limit(30);
  const pending = rows
    .filter((r) => OPEN.has(r.status))
    .flatMap((r) =>
      Object.entries(r.values).map(([attribute, value]) => ({
        attribute,
        value,
        since: r.createdAt.toISOString(),
        attempts: r.attempts,
        status: r.status.replace(/_/g, " "),
      })),
    );
  const recent = rows
    .filter((r) => !OPEN.has(r.status))
    .slice(0, 10)
    .map((r) => ({
      at: (r.finishedAt ?? r.updatedAt).toISOString(),
      outcome: `${r.status}${r.kind === "test" ? " (test write)" : r.kind === "backfill" ? " (backfill)" : ""}`,
      attributes: Object.keys(r.sentValues ?? r.values),
      note: r.lastErrorMessage,
    }));
  return { pending, recent };
}
