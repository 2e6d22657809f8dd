// Personalization analytics at request time: impressions the snippet reports after applying a
// decision, and goal conversions found in page views, track calls and flow events. Each write is
// deduplicated by a unique index (one impression per visitor, placement, arm and day; one first
// conversion per visitor, arm and goal), and the daily rollup is incremented in the same
// transaction, so results never scan raw events.
import { and, eq, lte, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb, tables, type Tx } from "@/db/client";
import { getLiveConfig } from "@/lib/publishing/versions";
import { DEFAULT_ARM, HOLDOUT_ARM, isKnownArm } from "@/lib/analytics/arms";
import { isInHoldout } from "@/lib/analytics/holdout";
import { dayOf } from "@/lib/analytics/days";
import { touchVisitor } from "./visitors";

export type Impression = { placement: string; arm: string };

// Repeat page views of a day skip the database entirely (per process; the unique index is the truth).
const seenToday = new LRUCache<string, true>({ max: 200_000, ttl: 60 * 60_000 });

/** Records what the visitor saw; impressions the live configuration can't have produced are dropped. Returns how many were new. */
export async function recordImpressions(workspaceId: string, anonymousId: string, impressions: readonly Impression[], at = new Date()): Promise<number> {
  const day = dayOf(at);
  const fresh = impressions.filter((i) => !seenToday.has(`${workspaceId}|${anonymousId}|${i.placement}|${i.arm}|${day}`));
  if (fresh.length === 0) return 0;
  const { snapshot } = await getLiveConfig(workspaceId);
  const byKey = new Map(snapshot.personalizations.map((p) => [p.placementKey, p]));
  // The holdout is recomputed here, so a visitor can't report themselves into (or out of) the control group.
  const valid = fresh.filter((i) => {
    const p = byKey.get(i.placement);
    if (!p || !isKnownArm(i.arm, p.variants)) return false;
    if (i.arm === DEFAULT_ARM) return true;
    return (i.arm === HOLDOUT_ARM) === isInHoldout(workspaceId, p.placementKey, anonymousId, p.holdoutPercent);
  });
  if (valid.length === 0) return 0;
  const visitor = await touchVisitor(workspaceId, anonymousId);
  const e = tables.analyticsEvents;
  const x = tables.analyticsExposures;
  let recorded = 0;
  await getDb().transaction(async (tx) => {
    for (const i of valid) {
      const inserted = await tx
        .insert(e)
        .values({ workspaceId, visitorId: visitor.id, kind: "impression", placementKey: i.placement, arm: i.arm, goalKey: "", day, occurredAt: at })
        .onConflictDoNothing()
        .returning({ id: e.id });
      if (inserted.length === 0) continue;
      recorded++;
      const [exposure] = await tx
        .insert(x)
        .values({ workspaceId, visitorId: visitor.id, placementKey: i.placement, arm: i.arm, firstAt: at, lastAt: at })
        .onConflictDoUpdate({ target: [x.workspaceId, x.visitorId, x.placementKey, x.arm], set: { lastAt: at } })
        .returning({ firstAt: x.firstAt });
      const isNewVisitor = exposure!.firstAt.getTime() === at.getTime();
      await bumpDaily(tx, { workspaceId, placementKey: i.placement, day, arm: i.arm, goalKey: "" }, { visitors: isNewVisitor ? 1 : 0, impressions: 1, conversions: 0 });
    }
  });
  for (const i of valid) seenToday.set(`${workspaceId}|${anonymousId}|${i.placement}|${i.arm}|${day}`, true);
  return recorded;
}

/**
 * The visitor reached these goals: each counts for every arm the visitor was exposed to before
 * `at` (one first conversion per arm and goal; one raw event per day). Returns the new first conversions.
 */
export async function recordConversions(workspaceId: string, visitorId: string, goalKeys: readonly string[], at = new Date()): Promise<number> {
  if (goalKeys.length === 0) return 0;
  const x = tables.analyticsExposures;
  const db = getDb();
  const exposures = await db
    .select({ placementKey: x.placementKey, arm: x.arm })
    .from(x)
    .where(and(eq(x.workspaceId, workspaceId), eq(x.visitorId, visitorId), lte(x.firstAt, at)));
  if (exposures.length === 0) return 0;
  const day = dayOf(at);
  const e = tables.analyticsEvents;
  const c = tables.analyticsConversions;
  let converted = 0;
  await db.transaction(async (tx) => {
    for (const goalKey of new Set(goalKeys)) {
      for (const { placementKey, arm } of exposures) {
        await tx.insert(e).values({ workspaceId, visitorId, kind: "conversion", placementKey, arm, goalKey, day, occurredAt: at }).onConflictDoNothing();
        const first = await tx.insert(c).values({ workspaceId, visitorId, placementKey, arm, goalKey, firstAt: at }).onConflictDoNothing().returning({ firstAt: c.firstAt });
        if (first.length === 0) continue;
        converted++;
        await bumpDaily(tx, { workspaceId, placementKey, day, arm, goalKey }, { visitors: 0, impressions: 0, conversions: 1 });
      }
    }
  });
  return converted;
}

type DailyKey = { workspaceId: string; placementKey: string; day: string; arm: string; goalKey: string };
type Counts = { visitors: number; impressions: number; conversions: number };

async function bumpDaily(tx: Tx, key: DailyKey, by: Counts): Promise<void> {
  const d = tables.analyticsDaily;
  await tx
    .insert(d)
    .values({ ...key, ...by })
    .onConflictDoUpdate({
      target: [d.workspaceId, d.placementKey, d.day, d.arm, d.goalKey],
      set: {
        visitors: sql`${d.visitors} + ${by.visitors}`,
        impressions: sql`${d.impressions} + ${by.impressions}`,
        conversions: sql`${d.conversions} + ${by.conversions}`,
      },
    });
}
