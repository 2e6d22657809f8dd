import { and, eq, gte, inArray, isNotNull, isNull, max, ne, or, sql } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { normalizeSnapshot } from "@/lib/publishing/snapshot";
import { WRITABLE_IDENTITIES } from "@/lib/identity/trust";
import { promoteWaitingEvents } from "./events";
import { purgeOldAnalytics } from "@/lib/analytics/retention";
import { contactTarget, enqueueWrite, queueIdentifiedVisitor } from "./outbox";
import { computeWriteSet, isEmptyWriteSet, loadSourceIndex, visitorAnswers } from "@/lib/publishing/mapping-values";

const PARKED_FOR_DRIFT = "mapping_needs_attention";

/** Paused jobs (revoked token, disconnected) run again once the workspace's connection is healthy. */
export async function resumePausedJobs(): Promise<number> {
  return (await resumeConnectionPaused()) + (await resumeParkedForDrift());
}

async function resumeConnectionPaused(): Promise<number> {
  const j = tables.syncJobs;
  const c = tables.intercomConnections;
  const db = getDb();
  const healthy = await db
    .selectDistinct({ workspaceId: j.workspaceId })
    .from(j)
    .innerJoin(c, eq(c.workspaceId, j.workspaceId))
    .where(and(eq(j.status, "paused"), eq(c.status, "connected")));
  let resumed = 0;
  for (const { workspaceId } of healthy) {
    const rows = await db
      .update(j)
      .set({ status: "pending", nextRunAt: new Date(), version: sql`${j.version} + 1`, updatedAt: new Date() })
      .where(and(eq(j.workspaceId, workspaceId), eq(j.status, "paused"), or(isNull(j.lastErrorCode), ne(j.lastErrorCode, PARKED_FOR_DRIFT))))
      .returning({ id: j.id });
    resumed += rows.length;
  }
  return resumed;
}

/** Jobs parked because every attribute's mapping drifted resume once one of those mappings is fixed. */
async function resumeParkedForDrift(): Promise<number> {
  const j = tables.syncJobs;
  const m = tables.fieldMappings;
  const c = tables.intercomConnections;
  const db = getDb();
  const parked = await db
    .select({ id: j.id, workspaceId: j.workspaceId, values: j.values })
    .from(j)
    .innerJoin(c, eq(c.workspaceId, j.workspaceId))
    .where(and(eq(j.status, "paused"), eq(j.lastErrorCode, PARKED_FOR_DRIFT), eq(c.status, "connected")))
    .limit(500);
  if (parked.length === 0) return 0;
  const workspaces = [...new Set(parked.map((p) => p.workspaceId))];
  const drifted = await db.select({ workspaceId: m.workspaceId, attribute: m.attributeName }).from(m).where(and(inArray(m.workspaceId, workspaces), isNotNull(m.driftReason)));
  const driftedKeys = new Set(drifted.map((d) => `${d.workspaceId}\u0000${d.attribute}`));
  const ready = parked.filter((p) => Object.keys(p.values).some((a) => !driftedKeys.has(`${p.workspaceId}\u0000${a}`))).map((p) => p.id);
  if (ready.length === 0) return 0;
  const rows = await db
    .update(j)
    .set({ status: "pending", nextRunAt: new Date(), version: sql`${j.version} + 1`, updatedAt: new Date() })
    .where(and(inArray(j.id, ready), eq(j.status, "paused")))
    .returning({ id: j.id });
  return rows.length;
}

/** Writes that waited for identification move to the contact once the visitor is linked with a writable identity. */
export async function promoteIdentifiedVisitors(): Promise<number> {
  const j = tables.syncJobs;
  const v = tables.visitors;
  const db = getDb();
  const ready = await db
    .select({ workspaceId: j.workspaceId, visitorId: v.id, contactId: v.intercomContactId, email: v.email, identifiedBy: v.identifiedBy })
    .from(j)
    .innerJoin(v, eq(v.id, j.visitorId))
    .where(and(eq(j.status, "waiting_identification"), ne(j.kind, "event"), isNotNull(v.intercomContactId), inArray(v.identifiedBy, [...WRITABLE_IDENTITIES])))
    .limit(500);
  for (const row of ready) {
    const mappings = await liveMappings(row.workspaceId);
    await db.transaction((tx) =>
      queueIdentifiedVisitor(tx, { workspaceId: row.workspaceId, visitorId: row.visitorId, contactId: row.contactId!, email: row.email, identifiedBy: row.identifiedBy, mappings }),
    );
  }
  return ready.length;
}

async function liveMappings(workspaceId: string) {
  const v = tables.configVersions;
  const [row] = await getDb()
    .select({ snapshot: v.snapshot, version: v.version })
    .from(v)
    .where(eq(v.workspaceId, workspaceId))
    .orderBy(sql`${v.version} desc`)
    .limit(1);
  return row ? normalizeSnapshot(row.snapshot).mappings : [];
}

// Answers recorded just after a publish may have used the previous configuration (each process
// caches the live version for 5 s): the backfill waits until that can no longer happen.
export const BACKFILL_SETTLE_MS = 10_000;

/**
 * Backfill: when a published version enables a mapping that wasn't enabled before, the existing
 * answers of identified visitors are queued for it. sync_backfill_state remembers which mapping ids
 * were handled; the compare-and-set on config_version makes one worker do each version. Attributes a
 * write queued since the publish already carries are left out (that write used the new mapping).
 */
export async function queueBackfills({ settleMs = BACKFILL_SETTLE_MS }: { settleMs?: number } = {}): Promise<number> {
  const db = getDb();
  const cv = tables.configVersions;
  const state = tables.syncBackfillState;
  const latest = await db.select({ workspaceId: cv.workspaceId, version: max(cv.version) }).from(cv).groupBy(cv.workspaceId);
  const known = new Map((await db.select().from(state)).map((s) => [s.workspaceId, s]));
  let queued = 0;
  for (const { workspaceId, version } of latest) {
    if (version === null) continue;
    const previous = known.get(workspaceId);
    if (previous && previous.configVersion >= version) continue;
    const [row] = await db
      .select({ snapshot: cv.snapshot, publishedAt: cv.publishedAt })
      .from(cv)
      .where(and(eq(cv.workspaceId, workspaceId), eq(cv.version, version)));
    if (!row || Date.now() < row.publishedAt.getTime() + settleMs) continue;
    const mappings = normalizeSnapshot(row.snapshot).mappings;
    const enabledIds = mappings.filter((m) => m.enabled).map((m) => m.id);
    const handled = new Set(previous?.mappingIds ?? []);
    const fresh = mappings.filter((m) => m.enabled && !handled.has(m.id));
    queued += await db.transaction(async (tx) => {
      const now = new Date();
      const claimed = previous
        ? await tx
            .update(state)
            .set({ configVersion: version, mappingIds: enabledIds, updatedAt: now })
            .where(and(eq(state.workspaceId, workspaceId), eq(state.configVersion, previous.configVersion)))
            .returning({ id: state.workspaceId })
        : await tx
            .insert(state)
            .values({ workspaceId, configVersion: version, mappingIds: enabledIds, updatedAt: now })
            .onConflictDoNothing()
            .returning({ id: state.workspaceId });
      if (claimed.length === 0 || fresh.length === 0) return 0;
      const v = tables.visitors;
      const a = tables.visitorAnswers;
      const visitors = await tx
        .select({ id: v.id, contactId: v.intercomContactId, email: v.email, identifiedBy: v.identifiedBy })
        .from(v)
        .where(and(eq(v.workspaceId, workspaceId), isNotNull(v.intercomContactId), inArray(v.identifiedBy, [...WRITABLE_IDENTITIES]), inArray(v.id, tx.select({ id: a.visitorId }).from(a).where(eq(a.workspaceId, workspaceId)))));
      if (visitors.length === 0) return 0;
      const sources = await loadSourceIndex(workspaceId, tx);
      const j = tables.syncJobs;
      const queuedSince = new Map<string, Set<string>>();
      const recent = await tx
        .select({ targetKey: j.targetKey, values: j.values })
        .from(j)
        .where(and(eq(j.workspaceId, workspaceId), gte(j.updatedAt, row.publishedAt)));
      for (const r of recent) {
        const attrs = queuedSince.get(r.targetKey) ?? new Set<string>();
        for (const attribute of Object.keys(r.values)) attrs.add(attribute);
        queuedSince.set(r.targetKey, attrs);
      }
      let count = 0;
      for (const visitor of visitors) {
        const set = computeWriteSet(fresh, sources, await visitorAnswers(visitor.id, tx));
        for (const attribute of queuedSince.get(contactTarget(visitor.contactId!)) ?? []) {
          delete set.values[attribute];
          delete set.policies[attribute];
        }
        if (isEmptyWriteSet(set)) continue;
        await enqueueWrite(tx, { workspaceId, kind: "backfill", contactId: visitor.contactId!, visitorId: visitor.id, email: visitor.email, identifiedBy: visitor.identifiedBy, set });
        count++;
      }
      return count;
    });
  }
  return queued;
}

export async function runHousekeeping(options: { backfillSettleMs?: number } = {}): Promise<void> {
  await resumePausedJobs();
  await promoteIdentifiedVisitors();
  await promoteWaitingEvents();
  await queueBackfills({ settleMs: options.backfillSettleMs });
  await purgeOldAnalytics();
}
