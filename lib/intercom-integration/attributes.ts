import { and, eq, sql } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { UserFacingError } from "@/lib/errors";
import type { TailorIntercomClient } from "@/lib/intercom";
import { NotConnectedError, withIntercom } from "./connection";
import { driftOf, driftText, unavailableReason, type AttributeFacts, type Conversion, type DriftReason } from "./mapping-rules";

export type AttributeView = AttributeFacts & {
  fullName: string;
  label: string;
  description: string;
  options: string[] | null;
  /** Why it can't be chosen as a mapping target; null if it can. */
  unavailable: string | null;
};

export type AttributeCacheView = { loadedAt: Date | null; attributes: AttributeView[] };

export type { DriftReason };
export type DriftedMapping = { id: string; attributeName: string; reason: DriftReason };

export type ReloadSummary = {
  added: number;
  archived: number;
  /** Un-archived, or listed again after being removed. */
  restored: number;
  removed: number;
  typeChanged: number;
  writabilityChanged: number;
  /** Attribute names per change, for the activity feed. */
  changes: AttributeChanges;
  total: number;
  loadedAt: Date;
  newlyDrifted: DriftedMapping[];
  /** Mappings whose drift was fixed by this reload (e.g. the attribute was un-archived). */
  cleared: DriftedMapping[];
};

export type AttributeChanges = { added: string[]; archived: string[]; restored: string[]; removed: string[]; typeChanged: string[]; writabilityChanged: string[] };

/** "2 new, 1 archived, 1 restored, 0 removed" plus type and writability changes when there are any. */
export function describeAttributeChanges(c: AttributeChanges): string {
  const parts = [`${c.added.length} new`, `${c.archived.length} archived`, `${c.restored.length} restored`, `${c.removed.length} removed`];
  if (c.typeChanged.length > 0) parts.push(`${c.typeChanged.length} type changed`);
  if (c.writabilityChanged.length > 0) parts.push(`${c.writabilityChanged.length} writability changed`);
  return parts.join(", ");
}

/** A null userId is the scheduled refresh (the worker), not a person. */
type Actor = { workspaceId: string; userId: string | null };

async function connectedAppId(workspaceId: string, tx: DbOrTx): Promise<string | null> {
  const c = tables.intercomConnections;
  const [row] = await tx.select({ appId: c.intercomAppId }).from(c).where(eq(c.workspaceId, workspaceId));
  return row?.appId ?? null;
}

/** The cached attribute list. `loadedAt` is null when it was never loaded for the connected Intercom workspace. */
export async function getAttributeCache(workspaceId: string, tx: DbOrTx = getDb()): Promise<AttributeCacheView> {
  const { intercomAttributes: a, intercomAttributeLoads: l } = tables;
  const [load] = await tx.select().from(l).where(eq(l.workspaceId, workspaceId));
  const appId = await connectedAppId(workspaceId, tx);
  const rows = await tx.select().from(a).where(eq(a.workspaceId, workspaceId)).orderBy(a.label);
  const attributes = rows.map((r): AttributeView => {
    const facts = {
      name: r.name,
      dataType: r.dataType,
      custom: r.custom,
      archived: r.archived,
      apiWritable: r.apiWritable,
      removed: r.removedAt !== null,
    };
    return { ...facts, fullName: r.fullName, label: r.label, description: r.description, options: r.options ?? null, unavailable: unavailableReason(facts) };
  });
  const fresh = load && (appId === null || load.intercomAppId === appId);
  return { loadedAt: fresh ? load.loadedAt : null, attributes };
}


/** Flags mappings whose attribute was archived, deleted or made read-only, and clears fixed ones. */
export async function refreshDrift(workspaceId: string, tx: DbOrTx = getDb()): Promise<{ newly: DriftedMapping[]; cleared: DriftedMapping[] }> {
  const m = tables.fieldMappings;
  const { attributes } = await getAttributeCache(workspaceId, tx);
  const byName = new Map(attributes.map((a) => [a.name, a]));
  const mappings = await tx
    .select({ id: m.id, attributeName: m.attributeName, conversion: m.conversion, driftReason: m.driftReason })
    .from(m)
    .where(eq(m.workspaceId, workspaceId));
  const newly: DriftedMapping[] = [];
  const cleared: DriftedMapping[] = [];
  for (const row of mappings) {
    const reason = driftOf(byName.get(row.attributeName), row.conversion as Conversion);
    if (reason === row.driftReason) continue;
    await tx.update(m).set({ driftReason: reason }).where(and(eq(m.workspaceId, workspaceId), eq(m.id, row.id)));
    if (reason) newly.push({ id: row.id, attributeName: row.attributeName, reason });
    else if (row.driftReason) cleared.push({ id: row.id, attributeName: row.attributeName, reason: row.driftReason });
  }
  return { newly, cleared };
}

const CHUNK = 200;

/**
 * "Reload attributes": reads every contact attribute (archived included) from Intercom into the
 * cache. Attributes Intercom no longer lists are kept with removed_at so mappings can explain.
 */
export async function reloadAttributes(actor: Actor, { skipIfUnchanged = false }: { skipIfUnchanged?: boolean } = {}): Promise<ReloadSummary> {
  const fetched = await withIntercom(actor.workspaceId, (client) => client.listContactAttributes({ includeArchived: true }));
  const { intercomAttributes: a, intercomAttributeLoads: l } = tables;
  // The scheduled refresh usually finds nothing new: then it writes nothing (no transaction to
  // queue the embedded SQLite behind), and the cache keeps its load time.
  if (skipIfUnchanged && (await cacheMatches(actor.workspaceId, fetched))) {
    const none: AttributeChanges = { added: [], archived: [], restored: [], removed: [], typeChanged: [], writabilityChanged: [] };
    const [load] = await getDb().select().from(l).where(eq(l.workspaceId, actor.workspaceId));
    return { added: 0, archived: 0, restored: 0, removed: 0, typeChanged: 0, writabilityChanged: 0, changes: none, total: fetched.length, loadedAt: load!.loadedAt, newlyDrifted: [], cleared: [] };
  }
  const summary = await getDb().transaction(async (tx) => {
    const appId = await connectedAppId(actor.workspaceId, tx);
    if (!appId) throw new NotConnectedError();
    const [load] = await tx.select().from(l).where(eq(l.workspaceId, actor.workspaceId));
    // Another Intercom workspace (token replaced for a different app): the old cache means nothing.
    if (load && load.intercomAppId !== appId) await tx.delete(a).where(eq(a.workspaceId, actor.workspaceId));

    const existing = new Map((await tx.select().from(a).where(eq(a.workspaceId, actor.workspaceId))).map((r) => [r.name, r]));
    const now = new Date();
    const changes: AttributeChanges = { added: [], archived: [], restored: [], removed: [], typeChanged: [], writabilityChanged: [] };
    const seen = new Set<string>();
    const values = [];
    for (const attr of fetched) {
      if (seen.has(attr.name)) continue;
      seen.add(attr.name);
      const before = existing.get(attr.name);
      if (!before) changes.added.push(attr.name);
      else if (before.removedAt || (before.archived && !attr.archived)) changes.restored.push(attr.name);
      else if (!before.archived && attr.archived) changes.archived.push(attr.name);
      if (before && !before.removedAt) {
        if (before.dataType !== attr.dataType) changes.typeChanged.push(attr.name);
        if (before.apiWritable !== attr.apiWritable) changes.writabilityChanged.push(attr.name);
      }
      values.push({
        workspaceId: actor.workspaceId,
        name: attr.name,
        fullName: attr.fullName,
        label: attr.label,
        description: attr.description,
        dataType: attr.dataType,
        options: attr.options,
        custom: attr.custom,
        archived: attr.archived,
        apiWritable: attr.apiWritable,
        firstSeenAt: now,
        lastSeenAt: now,
        removedAt: null,
      });
    }
    for (let i = 0; i < values.length; i += CHUNK) {
      await tx
        .insert(a)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [a.workspaceId, a.name],
          set: {
            fullName: sql`excluded.full_name`,
            label: sql`excluded.label`,
            description: sql`excluded.description`,
            dataType: sql`excluded.data_type`,
            options: sql`excluded.options`,
            custom: sql`excluded.custom`,
            archived: sql`excluded.archived`,
            apiWritable: sql`excluded.api_writable`,
            lastSeenAt: sql`excluded.last_seen_at`,
            removedAt: sql`excluded.removed_at`,
          },
        });
    }
    for (const row of existing.values()) {
      if (seen.has(row.name) || row.removedAt) continue;
      changes.removed.push(row.name);
      await tx.update(a).set({ removedAt: now }).where(and(eq(a.workspaceId, actor.workspaceId), eq(a.id, row.id)));
    }
    await tx
      .insert(l)
      .values({ workspaceId: actor.workspaceId, intercomAppId: appId, loadedAt: now })
      .onConflictDoUpdate({ target: l.workspaceId, set: { intercomAppId: appId, loadedAt: now } });
    const { newly: newlyDrifted, cleared } = await refreshDrift(actor.workspaceId, tx);
    if (newlyDrifted.length > 0) {
      await recordAudit(
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: "mappings.drift_detected",
          details: { mappings: newlyDrifted.map((d) => `${d.attributeName}:${d.reason}`) },
        },
        tx,
      );
    }
    return {
      added: changes.added.length,
      archived: changes.archived.length,
      restored: changes.restored.length,
      removed: changes.removed.length,
      typeChanged: changes.typeChanged.length,
      writabilityChanged: changes.writabilityChanged.length,
      changes,
      total: seen.size,
      loadedAt: now,
      newlyDrifted,
      cleared,
    };
  });
  return summary;
}

async function cacheMatches(workspaceId: string, fetched: Awaited<ReturnType<TailorIntercomClient["listContactAttributes"]>>): Promise<boolean> {
  const { intercomAttributes: a, intercomAttributeLoads: l } = tables;
  const db = getDb();
  const [load] = await db.select().from(l).where(eq(l.workspaceId, workspaceId));
  if (!load || load.intercomAppId !== (await connectedAppId(workspaceId, db))) return false;
  const rows = new Map((await db.select().from(a).where(eq(a.workspaceId, workspaceId))).map((r) => [r.name, r]));
  const live = [...rows.values()].filter((r) => !r.removedAt);
  const names = new Set(fetched.map((f) => f.name));
  if (names.size !== live.length) return false;
  return fetched.every((f) => {
    const r = rows.get(f.name);
    return (
      r !== undefined &&
      !r.removedAt &&
      r.archived === f.archived &&
      r.apiWritable === f.apiWritable &&
      r.dataType === f.dataType &&
      r.custom === f.custom &&
      r.label === f.label &&
      r.description === f.description &&
      r.fullName === f.fullName &&
      JSON.stringify(r.options ?? null) === JSON.stringify(f.options ?? null)
    );
  });
}

/** Loads the cache once for a connected workspace that never loaded it (first visit to the mapping screen). */
export async function ensureAttributesLoaded(actor: Actor): Promise<AttributeCacheView & { loadError?: string }> {
  const cache = await getAttributeCache(actor.workspaceId);
  if (cache.loadedAt || !(await connectedAppId(actor.workspaceId, getDb()))) return cache;
  try {
    await reloadAttributes(actor);
  } catch (error) {
    if (error instanceof UserFacingError) return { ...cache, loadError: error.message };
    throw error;
  }
  return getAttributeCache(actor.workspaceId);
}

export const FIELD_MAPPING_BLOCKER_PREFIX = "Field mapping";

/**
 * The drift guard for publishing: an enabled mapping whose attribute is archived, missing, not
 * API-writable or of an incompatible type cannot go live. Judged against the attribute cache now.
 */
export async function mappingPublishBlockers(
  workspaceId: string,
  mappings: { attribute: string; conversion: string; sourceLabel: string; enabled: boolean }[],
  tx: DbOrTx = getDb(),
): Promise<string[]> {
  const enabled = mappings.filter((m) => m.enabled);
  if (enabled.length === 0) return [];
  if (!(await connectedAppId(workspaceId, tx))) return []; // not connected: mappings are inactive anyway
  const cache = await getAttributeCache(workspaceId, tx);
  const byName = new Map(cache.attributes.map((a) => [a.name, a]));
  // Not loaded for this workspace yet: trust the flags stored on the mappings (set at a workspace switch).
  const m = tables.fieldMappings;
  const stored = cache.loadedAt
    ? null
    : new Map((await tx.select({ attribute: m.attributeName, reason: m.driftReason }).from(m).where(eq(m.workspaceId, workspaceId))).map((r) => [r.attribute, r.reason]));
  return enabled.flatMap((m) => {
    const reason = stored ? (stored.get(m.attribute) ?? null) : driftOf(byName.get(m.attribute), m.conversion as Conversion);
    return reason ? [`${FIELD_MAPPING_BLOCKER_PREFIX} "${m.sourceLabel} → ${m.attribute}": ${driftText(m.attribute, reason)}. Choose another attribute or turn the mapping off.`] : [];
  });
}
