import { and, count, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { getDb, tables } from "@/db/client";

/**
 * What the snippet's requests tell about a workspace's website: decisions per UTC day, when the
 * site last called Tailor, and where each placement was last seen. Written in batches by
 * lib/runtime/site-activity.ts (never awaited by a visitor's request); read by the dashboard.
 */

/** Placement keys no personalization uses yet are kept too (a marketer may add the element first), up to this many per workspace. */
export const MAX_UNKNOWN_PLACEMENTS = 50;

export type SiteActivityDelta = { workspaceId: string; day: string; decisions: number; lastRequestAt: Date };
export type PlacementSeen = { placementKey: string; path: string; at: Date };

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export async function addSiteActivity(delta: SiteActivityDelta): Promise<void> {
  const t = tables.siteActivity;
  await getDb()
    .insert(t)
    .values(delta)
    .onConflictDoUpdate({
      target: [t.workspaceId, t.day],
      set: { decisions: sql`${t.decisions} + ${delta.decisions}`, lastRequestAt: delta.lastRequestAt },
    });
}

/**
 * Records sightings: keys of the workspace's personalizations always, other keys only while the
 * workspace has fewer than MAX_UNKNOWN_PLACEMENTS of them, so a hostile visitor sending made-up
 * keys fills at most that many rows.
 */
export async function savePlacementSightings(workspaceId: string, seen: readonly PlacementSeen[]): Promise<void> {
  if (seen.length === 0) return;
  const db = getDb();
  const s = tables.placementSightings;
  const p = tables.personalizations;
  const keys = [...new Set(seen.map((x) => x.placementKey))];
  const [known, existing] = await Promise.all([
    db.select({ key: p.placementKey }).from(p).where(and(eq(p.workspaceId, workspaceId), inArray(p.placementKey, keys))),
    db.select({ key: s.placementKey }).from(s).where(and(eq(s.workspaceId, workspaceId), inArray(s.placementKey, keys))),
  ]);
  const allowed = new Set([...known, ...existing].map((r) => r.key));
  const unknown = keys.filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    const ownKeys = db.select({ key: p.placementKey }).from(p).where(eq(p.workspaceId, workspaceId));
    const [row] = await db.select({ n: count() }).from(s).where(and(eq(s.workspaceId, workspaceId), notInArray(s.placementKey, ownKeys)));
    const room = Math.max(0, MAX_UNKNOWN_PLACEMENTS - Number(row?.n ?? 0));
    for (const k of unknown.slice(0, room)) allowed.add(k);
  }
  for (const x of seen) {
    if (!allowed.has(x.placementKey)) continue;
    await db
      .insert(s)
      .values({ workspaceId, placementKey: x.placementKey, path: x.path, firstSeenAt: x.at, lastSeenAt: x.at })
      .onConflictDoUpdate({ target: [s.workspaceId, s.placementKey], set: { path: x.path, lastSeenAt: x.at } });
  }
}

export type PlacementSighting = { path: string; lastSeenAt: Date; firstSeenAt: Date };

/** Where and when the snippet last found this placement on the site; null: never. */
export async function placementSighting(workspaceId: string, placementKey: string): Promise<PlacementSighting | null> {
  const s = tables.placementSightings;
  const [row] = await getDb()
    .select({ path: s.path, lastSeenAt: s.lastSeenAt, firstSeenAt: s.firstSeenAt })
    .from(s)
    .where(and(eq(s.workspaceId, workspaceId), eq(s.placementKey, placementKey)));
  return row ?? null;
}

export type SiteActivityView = { lastRequestAt: Date | null; decisionsToday: number };

/** The last request from the snippet (any day) and today's (UTC) decisions: one indexed read of the latest day. */
export async function siteActivity(workspaceId: string, now = new Date()): Promise<SiteActivityView> {
  const t = tables.siteActivity;
  const [latest] = await getDb()
    .select({ day: t.day, decisions: t.decisions, lastRequestAt: t.lastRequestAt })
    .from(t)
    .where(eq(t.workspaceId, workspaceId))
    .orderBy(desc(t.day))
    .limit(1);
  if (!latest) return { lastRequestAt: null, decisionsToday: 0 };
  return { lastRequestAt: latest.lastRequestAt, decisionsToday: latest.day === utcDay(now) ? latest.decisions : 0 };
}
