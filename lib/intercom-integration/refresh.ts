import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { IntercomAuthError, IntercomError } from "@/lib/intercom";
import { logError } from "@/lib/log";
import { notify } from "@/lib/notifications";
import { describeAttributeChanges, reloadAttributes, type ReloadSummary } from "./attributes";
import { recheckConnection, type RecheckResult } from "./connection";
import { flushHealth, saveCapabilities } from "./health";
import { driftText } from "./mapping-rules";
import { env, parseEnv, type EnvSource } from "@/lib/env";

// The scheduled refresh, run by the sync worker: re-reads data attributes (default hourly,
// TAILOR_INTERCOM_REFRESH_MS) and right after a write failed on an unknown or read-only attribute,
// re-probes the token's capabilities, and re-checks a connection that needs attention so it
// recovers by itself once Intercom accepts the token again.

export const DEFAULT_REFRESH_MS = 60 * 60_000;
// A connection that needs attention is re-checked this often at most (or at the refresh interval, if shorter).
const RECHECK_MS = 60_000;
const MAX_PER_TICK = 25;

export function refreshIntervalFromEnv(source?: EnvSource): number {
  return (source ? parseEnv(source) : env()).TAILOR_INTERCOM_REFRESH_MS;
}

/** Asks the next worker tick to refresh this workspace's attributes (after an "unknown attribute" or "not writable" error). */
export async function requestRefresh(workspaceId: string): Promise<void> {
  const h = tables.intercomHealth;
  const now = new Date();
  await getDb()
    .insert(h)
    .values({ workspaceId, failures: {}, refreshRequestedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: h.workspaceId, set: { refreshRequestedAt: now } });
}

export type RefreshOutcome = { workspaceId: string; recheck?: RecheckResult; summary?: ReloadSummary; error?: string };

/** One pass over every connected workspace that is due. Returns what it did (for tests and logs). */
export async function runScheduledRefresh({ intervalMs = refreshIntervalFromEnv(), now = new Date() } = {}): Promise<RefreshOutcome[]> {
  await flushHealth();
  const db = getDb();
  const c = tables.intercomConnections;
  const h = tables.intercomHealth;
  const rows = await db
    .select({ workspaceId: c.workspaceId, status: c.status, lastRefreshAt: h.lastRefreshAt, requestedAt: h.refreshRequestedAt })
    .from(c)
    .leftJoin(h, eq(h.workspaceId, c.workspaceId));
  // One small row per connected workspace; the filter is plain JS so it reads the same on both dialects.
  const due = rows.filter((r) => {
    if (!r.lastRefreshAt) return true;
    if (r.requestedAt && r.requestedAt > r.lastRefreshAt) return true;
    const every = r.status === "needs_attention" ? Math.min(intervalMs, RECHECK_MS) : intervalMs;
    return now.getTime() - r.lastRefreshAt.getTime() >= every;
  });
  // Bounded per tick (requested ones first, e.g. after an "unknown attribute" error, then the
  // longest-waiting), so one tick never holds the worker for long and a request is never starved.
  const requested = (r: (typeof due)[number]) => (r.requestedAt && (!r.lastRefreshAt || r.requestedAt > r.lastRefreshAt) ? 1 : 0);
  due.sort((x, y) => requested(y) - requested(x) || (x.lastRefreshAt?.getTime() ?? 0) - (y.lastRefreshAt?.getTime() ?? 0));
  due.splice(MAX_PER_TICK);
  const outcomes: RefreshOutcome[] = [];
  for (const row of due) outcomes.push(await refreshWorkspace(row.workspaceId, now));
  return outcomes;
}

async function markRefreshed(workspaceId: string, now: Date) {
  const h = tables.intercomHealth;
  await getDb()
    .insert(h)
    .values({ workspaceId, failures: {}, lastRefreshAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: h.workspaceId, set: { lastRefreshAt: now } });
}

async function refreshWorkspace(workspaceId: string, now: Date): Promise<RefreshOutcome> {
  await markRefreshed(workspaceId, now); // first, so a failing workspace is not retried on every tick
  const outcome: RefreshOutcome = { workspaceId };
  try {
    const recheck = await recheckConnection(workspaceId);
    outcome.recheck = recheck;
    if (!recheck.ok) return outcome;
    if (recheck.capabilities) await saveCapabilities(workspaceId, recheck.capabilities);
    const hadCache = await hasAttributeCache(workspaceId);
    const summary = await reloadAttributes({ workspaceId, userId: null }, { skipIfUnchanged: true });
    outcome.summary = summary;
    if (hadCache) await reportChanges(workspaceId, summary);
  } catch (error) {
    if (error instanceof IntercomError) {
      outcome.error = error.kind;
      if (!(error instanceof IntercomAuthError)) return outcome;
    } else {
      logError("scheduled Intercom refresh", error, { workspaceId });
      outcome.error = "internal";
    }
  }
  return outcome;
}

async function hasAttributeCache(workspaceId: string): Promise<boolean> {
  const l = tables.intercomAttributeLoads;
  const [row] = await getDb().select({ at: l.loadedAt }).from(l).where(eq(l.workspaceId, workspaceId));
  return Boolean(row);
}

/** The diff goes to the activity feed; new drift and fixed drift to the notification centre. */
async function reportChanges(workspaceId: string, summary: ReloadSummary) {
  const c = summary.changes;
  const changed = Object.values(c).some((names) => names.length > 0);
  if (changed) {
    await recordAudit({
      workspaceId,
      actorUserId: null,
      action: "intercom.attributes_refreshed",
      details: { summary: describeAttributeChanges(c), ...Object.fromEntries(Object.entries(c).filter(([, names]) => names.length > 0)) },
    });
  }
  if (summary.newlyDrifted.length > 0) {
    await notify(workspaceId, {
      kind: "drift",
      title: summary.newlyDrifted.length === 1 ? "A field mapping needs attention" : `${summary.newlyDrifted.length} field mappings need attention`,
      body: `${summary.newlyDrifted.map((d) => driftText(d.attributeName, d.reason)).join("; ")}. Tailor stops writing to ${summary.newlyDrifted.length === 1 ? "it" : "them"} and refuses to publish until fixed.`,
      link: "/integrations/intercom/mapping",
    });
  }
  if (summary.cleared.length > 0) {
    await notify(workspaceId, {
      kind: "drift",
      title: summary.cleared.length === 1 ? "A field mapping works again" : `${summary.cleared.length} field mappings work again`,
      body: `${summary.cleared.map((d) => d.attributeName).join(", ")} can be written again; paused writes resume.`,
      link: "/integrations/intercom/mapping",
    });
  }
}
