import { and, eq, inArray } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { siteActivity } from "./activity";

/**
 * The Overview's setup checklist, in the order a workspace is really set up, each step ticked
 * from what the database says happened (never from a flag someone sets). Each read is one
 * indexed seek (LIMIT 1).
 */
export const SNIPPET_SEEN_WITHIN_MS = 7 * 86_400_000;

/** Audit actions that prove someone looked a real contact up in the debug panel. */
export const DEBUG_TEST_ACTIONS = ["debug.contact_viewed", "debug.test_write", "debug.test_event"];

export type SetupStepKey = "connect" | "map" | "publish" | "test_contact" | "snippet";
export type SetupFacts = Record<SetupStepKey, boolean> & { snippetLastSeenAt: Date | null };

export async function getSetupFacts(workspaceId: string, now = new Date()): Promise<SetupFacts> {
  const db = getDb();
  const c = tables.intercomConnections;
  const m = tables.fieldMappings;
  const v = tables.configVersions;
  const a = tables.auditLog;
  const [connection, mapping, version, tested, activity] = await Promise.all([
    db.select({ id: c.workspaceId }).from(c).where(eq(c.workspaceId, workspaceId)).limit(1),
    db.select({ id: m.id }).from(m).where(and(eq(m.workspaceId, workspaceId), eq(m.enabled, true))).limit(1),
    db.select({ id: v.id }).from(v).where(eq(v.workspaceId, workspaceId)).limit(1),
    db.select({ id: a.id }).from(a).where(and(eq(a.workspaceId, workspaceId), inArray(a.action, DEBUG_TEST_ACTIONS))).limit(1),
    siteActivity(workspaceId, now),
  ]);
  const last = activity.lastRequestAt;
  return {
    connect: connection.length > 0,
    map: mapping.length > 0,
    publish: version.length > 0,
    test_contact: tested.length > 0,
    snippet: last !== null && now.getTime() - last.getTime() < SNIPPET_SEEN_WITHIN_MS,
    snippetLastSeenAt: last,
  };
}
