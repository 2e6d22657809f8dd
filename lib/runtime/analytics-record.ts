// Personalization analytics at request time: impressions the snippet reports after applying a
// decision, and goal conversions found in page views, track calls and flow events. Each write is
// deduplicated by a unique index (one impression per visitor, placement, arm and day; one first
// conversion per visitor, arm and goal), and the daily rollup is incremented in the same
// transaction as the raw rows it counts, so results never scan raw events.
//
// Impressions are validated and accepted in the request, then buffered per process and written in
// one transaction a second (flushImpressions): a report costs the request no database work. The
// buffer holds at most MAX_BUFFERED impressions; when it is full, a flush starts at once and reports
// arriving before it has taken the batch are dropped (counted and logged: analytics are
// best-effort, memory is bounded). A failed write is retried with the next flushes (MAX_ATTEMPTS).
// Each node buffers its own; the unique indexes dedup across nodes.
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb, tables, type Tx } from "@/db/client";
import { logError, logInfo } from "@/lib/log";
import { processState } from "@/lib/shared/process-state";
import { getLiveConfig } from "@/lib/publishing/versions";
import { DEFAULT_ARM, HOLDOUT_ARM, isKnownArm } from "@/lib/analytics/arms";
import { isInHoldout } from "@/lib/analytics/holdout";
import { dayOf } from "@/lib/analytics/days";

export type Impression = { placement: string; arm: string };

const FLUSH_MS = 1_000;
const MAX_BUFFERED_IMPRESSIONS = 20_000;
// A batch whose write fails goes back into the buffer, up to this many tries (a second apart).
const MAX_ATTEMPTS = 5;
// Rows per statement: well under SQLite's and Postgres's bound-parameter limits.
const CHUNK = 200;

type Pending = { workspaceId: string; anonymousId: string; placement: string; arm: string; day: string; at: Date; attempts: number };
type BufferState = {
  buffer: Map<string, Pending>;
  // Workspaces with impressions in the buffer (a conversion there flushes first).
  pendingWorkspaces: Set<string>;
  // Repeat page views of a day skip the buffer entirely (per process; the unique index is the truth).
  seenToday: LRUCache<string, true>;
  maxBuffered: number;
  dropped: number;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: Promise<number> | null;
};

// One buffer per process (see lib/shared/process-state.ts).
const state = processState<BufferState>("analytics.impressions", () => ({
  buffer: new Map(),
  pendingWorkspaces: new Set(),
  seenToday: new LRUCache<string, true>({ max: 200_000, ttl: 60 * 60_000 }),
  maxBuffered: MAX_BUFFERED_IMPRESSIONS,
  dropped: 0,
  timer: null,
  inFlight: null,
}));
const { buffer, pendingWorkspaces, seenToday } = state;

/**
 * Accepts what the visitor saw; impressions the live configuration can't have produced are dropped.
 * Nothing is written here: the batch is flushed within a second. Returns how many were new to this process.
 */
export async function recordImpressions(workspaceId: string, anonymousId: string, impressions: readonly Impression[], at = new Date()): Promise<number> {
  const day = dayOf(at);
  const keyOf = (i: Impression) => `${workspaceId}|${anonymousId}|${i.placement}|${i.arm}|${day}`;
  const fresh = impressions.filter((i) => !seenToday.has(keyOf(i)) && !buffer.has(keyOf(i)));
  if (fresh.length === 0) return 0;
  const { snapshot } = await getLiveConfig(workspaceId);
  const byKey = new Map(snapshot.personalizations.map((p) => [p.placementKey, p]));
  let accepted = 0;
  for (const i of fresh) {
    const p = byKey.get(i.placement);
    if (!p || !isKnownArm(i.arm, p.variants)) continue;
    // The holdout is recomputed here, so a visitor can't report themselves into (or out of) the control group.
    if (i.arm !== DEFAULT_ARM && (i.arm === HOLDOUT_ARM) !== isInHoldout(workspaceId, p.placementKey, anonymousId, p.holdoutPercent)) continue;
    const key = keyOf(i);
    if (buffer.has(key)) continue;
    if (buffer.size >= state.maxBuffered) {
      state.dropped++;
      void flushImpressions();
      continue;
    }
    buffer.set(key, { workspaceId, anonymousId, placement: i.placement, arm: i.arm, day, at, attempts: 0 });
    pendingWorkspaces.add(workspaceId);
    accepted++;
  }
  if (accepted > 0) scheduleFlush();
  return accepted;
}

/** The next flush, FLUSH_MS from now, unless one is already due. */
function scheduleFlush(): void {
  if (state.timer) return;
  state.timer = setTimeout(() => void flushImpressions(), FLUSH_MS);
  state.timer.unref?.();
}

/**
 * Writes the buffered impressions in one transaction (called by the timer, when the buffer is full,
 * before a conversion is attributed, at shutdown and by tests). Waits for a flush already under way
 * first. Returns how many impressions were new to the database.
 */
export async function flushImpressions(): Promise<number> {
  while (state.inFlight) await state.inFlight;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  if (buffer.size === 0) return 0;
  // In key order: nodes flushing at the same time take the rows' locks in the same order (Postgres).
  const entries = [...buffer.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const batch = entries.map(([, p]) => p);
  buffer.clear();
  pendingWorkspaces.clear();
  const lost = state.dropped;
  state.dropped = 0;
  if (lost > 0) logInfo("analytics.impressions_dropped", { dropped: lost, reason: "buffer full" });
  state.inFlight = writeImpressions(batch)
    .then((recorded) => {
      for (const [key] of entries) seenToday.set(key, true);
      return recorded;
    })
    .catch((error: unknown) => {
      // Back into the buffer for the next flush (room permitting); given up after MAX_ATTEMPTS, so
      // a batch that can never be written (say, its workspace was deleted) doesn't block the rest.
      let requeued = 0;
      for (const [key, p] of entries) {
        if (p.attempts + 1 >= MAX_ATTEMPTS || buffer.has(key) || buffer.size >= state.maxBuffered) {
          state.dropped++;
          continue;
        }
        buffer.set(key, { ...p, attempts: p.attempts + 1 });
        pendingWorkspaces.add(p.workspaceId);
        requeued++;
      }
      logError("analytics.impressions_flush_failed", error, { impressions: batch.length, requeued });
      if (requeued > 0) scheduleFlush();
      return 0;
    })
    .finally(() => {
      state.inFlight = null;
    });
  return state.inFlight;
}

/** Before attributing a conversion: the workspace's buffered exposures reach the database first. */
async function settleImpressions(workspaceId: string): Promise<void> {
  if (state.inFlight || pendingWorkspaces.has(workspaceId)) await flushImpressions();
}

/** Tests: forget the buffer and the per-process dedup (as another node would see the next report); optionally a smaller cap. */
export function resetImpressionsForTests(cap = MAX_BUFFERED_IMPRESSIONS): void {
  state.maxBuffered = cap;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  buffer.clear();
  pendingWorkspaces.clear();
  seenToday.clear();
  state.dropped = 0;
}

/** Tests and the bench: how many impressions wait in this process's buffer. */
export function bufferedImpressions(): number {
  return buffer.size;
}

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * One transaction for a batch: the visitors (created when new), the raw impressions (the unique
 * index drops repeats, also another node's), first exposures for the rows that were new, and one
 * rollup increment per workspace, placement, day and arm counting only those rows.
 */
async function writeImpressions(batch: readonly Pending[]): Promise<number> {
  const v = tables.visitors;
  const e = tables.analyticsEvents;
  const x = tables.analyticsExposures;
  return getDb().transaction(async (tx) => {
    // Visitors by workspace and anonymous id; the ones not yet known are created.
    const visitorIds = new Map<string, string>();
    const anonymous = new Map<string, Map<string, Date>>();
    for (const p of batch) {
      const ids = anonymous.get(p.workspaceId) ?? new Map<string, Date>();
      anonymous.set(p.workspaceId, ids);
      if (!ids.has(p.anonymousId)) ids.set(p.anonymousId, p.at);
    }
    for (const [workspaceId, ids] of anonymous) {
      const lookUp = async (list: string[]) => {
        for (const part of chunks(list)) {
          const rows = await tx.select({ id: v.id, anonymousId: v.anonymousId }).from(v).where(and(eq(v.workspaceId, workspaceId), inArray(v.anonymousId, part)));
          for (const r of rows) visitorIds.set(`${workspaceId}|${r.anonymousId}`, r.id);
        }
      };
      await lookUp([...ids.keys()]);
      const missing = [...ids].filter(([id]) => !visitorIds.has(`${workspaceId}|${id}`));
      for (const part of chunks(missing)) {
        await tx.insert(v).values(part.map(([anonymousId, at]) => ({ workspaceId, anonymousId, lastSeenAt: at }))).onConflictDoNothing();
      }
      if (missing.length > 0) await lookUp(missing.map(([id]) => id));
    }
    const rows = batch.flatMap((p) => {
      const visitorId = visitorIds.get(`${p.workspaceId}|${p.anonymousId}`);
      return visitorId ? [{ ...p, visitorId }] : [];
    });

    // Raw impressions: only the rows that are new count further.
    const inserted: typeof rows = [];
    const byEvent = new Map(rows.map((r) => [`${r.workspaceId}|${r.visitorId}|${r.placement}|${r.arm}|${r.day}`, r]));
    for (const part of chunks(rows)) {
      const news = await tx
        .insert(e)
        .values(part.map((r) => ({ workspaceId: r.workspaceId, visitorId: r.visitorId, kind: "impression" as const, placementKey: r.placement, arm: r.arm, goalKey: "", day: r.day, occurredAt: r.at })))
        .onConflictDoNothing()
        .returning({ workspaceId: e.workspaceId, visitorId: e.visitorId, placementKey: e.placementKey, arm: e.arm, day: e.day });
      for (const n of news) inserted.push(byEvent.get(`${n.workspaceId}|${n.visitorId}|${n.placementKey}|${n.arm}|${n.day}`)!);
    }
    if (inserted.length === 0) return 0;

    // First exposures: one row per visitor and arm (the earliest report of the batch); a visitor is
    // new to the arm when the row was created now (its first_at is this batch's).
    const exposures = new Map<string, (typeof rows)[number]>();
    for (const r of inserted) {
      const key = `${r.workspaceId}|${r.visitorId}|${r.placement}|${r.arm}`;
      const seen = exposures.get(key);
      if (!seen || r.at < seen.at) exposures.set(key, r);
    }
    const newVisitors = new Set<string>();
    for (const part of chunks([...exposures.values()])) {
      const created = await tx
        .insert(x)
        .values(part.map((r) => ({ workspaceId: r.workspaceId, visitorId: r.visitorId, placementKey: r.placement, arm: r.arm, firstAt: r.at, lastAt: r.at })))
        .onConflictDoNothing()
        .returning({ workspaceId: x.workspaceId, visitorId: x.visitorId, placementKey: x.placementKey, arm: x.arm });
      for (const c of created) newVisitors.add(`${c.workspaceId}|${c.visitorId}|${c.placementKey}|${c.arm}`);
      const known = part.filter((r) => !newVisitors.has(`${r.workspaceId}|${r.visitorId}|${r.placement}|${r.arm}`));
      for (const r of known) {
        await tx
          .update(x)
          .set({ lastAt: r.at })
          .where(and(eq(x.workspaceId, r.workspaceId), eq(x.visitorId, r.visitorId), eq(x.placementKey, r.placement), eq(x.arm, r.arm)));
      }
    }

    // Rollups: one increment per workspace, placement, day and arm.
    const daily = new Map<string, DailyKey & Counts>();
    for (const r of inserted) {
      const key = `${r.workspaceId}|${r.placement}|${r.day}|${r.arm}`;
      const row = daily.get(key) ?? { workspaceId: r.workspaceId, placementKey: r.placement, day: r.day, arm: r.arm, goalKey: "", visitors: 0, impressions: 0, conversions: 0 };
      daily.set(key, row);
      row.impressions++;
      if (exposures.get(`${r.workspaceId}|${r.visitorId}|${r.placement}|${r.arm}`) === r && newVisitors.has(`${r.workspaceId}|${r.visitorId}|${r.placement}|${r.arm}`)) row.visitors++;
    }
    for (const [, row] of [...daily].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const { visitors, impressions, conversions, ...key } = row;
      await bumpDaily(tx, key, { visitors, impressions, conversions });
    }
    return inserted.length;
  });
}

/**
 * The visitor reached these goals: each counts for every arm the visitor was exposed to before
 * `at` (one first conversion per arm and goal; one raw event per day). Returns the new first conversions.
 */
export async function recordConversions(workspaceId: string, visitorId: string, goalKeys: readonly string[], at = new Date()): Promise<number> {
  if (goalKeys.length === 0) return 0;
  await settleImpressions(workspaceId);
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
