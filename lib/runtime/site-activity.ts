// What the decision path notes about the site (decisions served, placements found on the page),
// kept in memory and written in batches: a visitor's request never awaits this write. Each
// process flushes every FLUSH_MS and writes a placement at most once per THROTTLE_MS, so N app or
// runtime nodes cost at most N small writes per placement per minute, whatever the traffic.
import { LRUCache } from "lru-cache";
import { logError } from "@/lib/log";
import { processState } from "@/lib/shared/process-state";
import { addSiteActivity, savePlacementSightings, utcDay, type PlacementSeen } from "@/lib/website/activity";
import { placementPath } from "@/lib/website/placement-path";

const FLUSH_MS = 2_000;
const THROTTLE_MS = 60_000;
const MAX_PENDING_WORKSPACES = 1_000;
const MAX_PENDING_PLACEMENTS = 5_000;

type Pending = { decisions: number; lastRequestAt: Date; placements: Map<string, PlacementSeen> };

// One per process (see lib/shared/process-state.ts), so the shutdown flush sees the routes' notes.
const state = processState("runtime.site-activity", () => ({
  pending: new Map<string, Pending>(),
  pendingPlacements: 0,
  recentlyWritten: new LRUCache<string, true>({ max: 50_000, ttl: THROTTLE_MS }),
  timer: null as ReturnType<typeof setTimeout> | null,
}));
const { pending, recentlyWritten } = state;

/** Notes one decide request; synchronous and allocation-light (the decision path's speed holds). */
export function noteDecideRequest(workspaceId: string, url: string | undefined, placementKeys: readonly string[], at = new Date()): void {
  let entry = pending.get(workspaceId);
  if (!entry) {
    if (pending.size >= MAX_PENDING_WORKSPACES) return;
    entry = { decisions: 0, lastRequestAt: at, placements: new Map() };
    pending.set(workspaceId, entry);
  }
  entry.decisions++;
  entry.lastRequestAt = at;
  if (placementKeys.length > 0) {
    let path: string | null = null;
    for (const key of placementKeys) {
      if (recentlyWritten.has(`${workspaceId}:${key}`) || entry.placements.has(key) || state.pendingPlacements >= MAX_PENDING_PLACEMENTS) continue;
      path ??= placementPath(url);
      entry.placements.set(key, { placementKey: key, path, at });
      state.pendingPlacements++;
    }
  }
  state.timer ??= setTimeout(() => void flushSiteActivity(), FLUSH_MS);
  state.timer.unref?.();
}

/** Writes what was noted since the last flush (called by the timer, at shutdown and by tests). */
export async function flushSiteActivity(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = [...pending];
  pending.clear();
  state.pendingPlacements = 0;
  for (const [workspaceId, entry] of batch) {
    try {
      await addSiteActivity({ workspaceId, day: utcDay(entry.lastRequestAt), decisions: entry.decisions, lastRequestAt: entry.lastRequestAt });
      const seen = [...entry.placements.values()];
      for (const s of seen) recentlyWritten.set(`${workspaceId}:${s.placementKey}`, true);
      await savePlacementSightings(workspaceId, seen);
    } catch (error) {
      logError("site_activity.flush_failed", error, { workspaceId });
    }
  }
}

/** Tests: forget the per-process throttle. */
export function resetSiteActivityForTests(): void {
  recentlyWritten.clear();
  pending.clear();
  state.pendingPlacements = 0;
}
