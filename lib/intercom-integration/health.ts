import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import type { FailureCounts, FailureKind } from "@/db/schema/health-types";
import { logError } from "@/lib/log";
import { driftText } from "./mapping-rules";

// Connection health from real traffic. Every Intercom response (website reads, sync writes,
// refreshes) is noted in memory, which costs a Map update; the notes are flushed to
// intercom_health at most every FLUSH_MS, so the benchmarked decision path never waits on a write.
const FLUSH_MS = 3_000;

export type Operation = "read" | "write";

type Pending = { readOkAt?: Date; writeOkAt?: Date; failures: FailureCounts; lastFailureAt?: Date; lastFailureKind?: FailureKind; clearedAt?: Date };

const pending = new Map<string, Pending>();
let timer: ReturnType<typeof setTimeout> | null = null;

export function failureKindOf(status: number | "network"): FailureKind | null {
  if (status === "network") return "network";
  if (status < 400) return null;
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500 || status === 408) return "server_error";
  return null; // other 4xx are about the request (a bad value), not the connection
}

/** Records one Intercom response (or a network failure). Cheap; flushed later. */
export function noteOutcome(workspaceId: string, operation: Operation, status: number | "network", at = new Date()): void {
  const entry = pending.get(workspaceId) ?? { failures: {} };
  const kind = failureKindOf(status);
  if (kind) {
    entry.failures[kind] = (entry.failures[kind] ?? 0) + 1;
    entry.lastFailureAt = at;
    entry.lastFailureKind = kind;
  } else if (status !== "network" && status < 300) {
    if (operation === "read") entry.readOkAt = at;
    else entry.writeOkAt = at;
    // A success clears what came before it (recovery is automatic).
    entry.failures = {};
    entry.clearedAt = at;
  }
  pending.set(workspaceId, entry);
  if (!timer) {
    timer = setTimeout(() => void flushHealth().catch((error: unknown) => logError("health flush", error)), FLUSH_MS);
    timer.unref?.();
  }
}

async function ensureRow(workspaceId: string, tx: DbOrTx) {
  await tx
    .insert(tables.intercomHealth)
    .values({ workspaceId, failures: {}, updatedAt: new Date() })
    .onConflictDoNothing({ target: tables.intercomHealth.workspaceId });
}

/** Writes the notes collected so far (the worker also calls it on each housekeeping tick). */
export async function flushHealth(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = [...pending.entries()];
  pending.clear();
  const h = tables.intercomHealth;
  const db = getDb();
  for (const [workspaceId, p] of batch) {
    const [workspace] = await db.select({ id: tables.workspaces.id }).from(tables.workspaces).where(eq(tables.workspaces.id, workspaceId));
    if (!workspace) continue;
    await ensureRow(workspaceId, db);
    const [row] = await db.select().from(h).where(eq(h.workspaceId, workspaceId));
    const base: FailureCounts = p.clearedAt ? {} : { ...(row?.failures ?? {}) };
    for (const [kind, n] of Object.entries(p.failures) as [FailureKind, number][]) base[kind] = (base[kind] ?? 0) + n;
    await db
      .update(h)
      .set({
        failures: base,
        ...(p.readOkAt ? { lastReadOkAt: p.readOkAt } : {}),
        ...(p.writeOkAt ? { lastWriteOkAt: p.writeOkAt } : {}),
        ...(p.lastFailureAt ? { lastFailureAt: p.lastFailureAt, lastFailureKind: p.lastFailureKind } : {}),
        updatedAt: new Date(),
      })
      .where(eq(h.workspaceId, workspaceId));
  }
}

export async function saveCapabilities(workspaceId: string, caps: { canWrite: boolean | null; canCreateAttributes: boolean | null }, tx: DbOrTx = getDb()) {
  await ensureRow(workspaceId, tx);
  const h = tables.intercomHealth;
  const [row] = await tx.select({ canWrite: h.canWrite, canCreate: h.canCreateAttributes }).from(h).where(eq(h.workspaceId, workspaceId));
  // An inconclusive probe (Intercom down) keeps what we knew.
  await tx
    .update(h)
    .set({
      canWrite: caps.canWrite ?? row?.canWrite ?? null,
      canCreateAttributes: caps.canCreateAttributes ?? row?.canCreate ?? null,
      capabilitiesCheckedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(h.workspaceId, workspaceId));
}

/** A new token (or another workspace): the old token's history says nothing about the new one. */
export async function resetHealth(workspaceId: string, tx: DbOrTx = getDb()) {
  pending.delete(workspaceId);
  await ensureRow(workspaceId, tx);
  await tx
    .update(tables.intercomHealth)
    .set({ canWrite: null, canCreateAttributes: null, capabilitiesCheckedAt: null, lastReadOkAt: null, lastWriteOkAt: null, lastFailureAt: null, lastFailureKind: null, failures: {}, updatedAt: new Date() })
    .where(eq(tables.intercomHealth.workspaceId, workspaceId));
}

/** Write-back is possible unless the probe found a read-only token. */
export async function canWriteBack(workspaceId: string, tx: DbOrTx = getDb()): Promise<boolean> {
  const h = tables.intercomHealth;
  const [row] = await tx.select({ canWrite: h.canWrite }).from(h).where(eq(h.workspaceId, workspaceId));
  return row?.canWrite !== false;
}

export type HealthState = "not_connected" | "healthy" | "read_only" | "degraded" | "needs_attention";

export type ConnectionHealth = {
  state: HealthState;
  /** Short label for badges: "Connected", "Connected · read-only: write-back is off", "Needs attention"… */
  label: string;
  /** What is wrong and how to fix it; null when healthy. */
  detail: string | null;
  canWrite: boolean | null;
  canCreateAttributes: boolean | null;
  lastReadOkAt: Date | null;
  lastWriteOkAt: Date | null;
  lastFailureAt: Date | null;
  failures: FailureCounts;
  pausedJobs: number;
};

const kindWords: Record<FailureKind, [string, string]> = {
  unauthorized: ["rejected token (401)", "rejected tokens (401)"],
  forbidden: ["permission refusal (403)", "permission refusals (403)"],
  not_found: ["missing contact (404)", "missing contacts (404)"],
  rate_limited: ["rate limit (429)", "rate limits (429)"],
  server_error: ["server error (5xx)", "server errors (5xx)"],
  network: ["timeout or network failure", "timeouts or network failures"],
};

export function describeFailures(failures: FailureCounts): string {
  return (Object.entries(failures) as [FailureKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kindWords[kind][n === 1 ? 0 : 1]}`)
    .join(", ");
}

/** The connection's state, from what actually happened; the fix for each state is in `detail`. */
export async function getConnectionHealth(workspaceId: string): Promise<ConnectionHealth> {
  const c = tables.intercomConnections;
  const h = tables.intercomHealth;
  const j = tables.syncJobs;
  const db = getDb();
  const [conn] = await db.select({ status: c.status, reason: c.statusReason, appName: c.intercomAppName, region: c.region }).from(c).where(eq(c.workspaceId, workspaceId));
  const [row] = await db.select().from(h).where(eq(h.workspaceId, workspaceId));
  const [paused] = await db.select({ n: count() }).from(j).where(and(eq(j.workspaceId, workspaceId), inArray(j.status, ["paused"])));
  const failures = row?.failures ?? {};
  const base = {
    canWrite: row?.canWrite ?? null,
    canCreateAttributes: row?.canCreateAttributes ?? null,
    lastReadOkAt: row?.lastReadOkAt ?? null,
    lastWriteOkAt: row?.lastWriteOkAt ?? null,
    lastFailureAt: row?.lastFailureAt ?? null,
    failures,
    pausedJobs: Number(paused?.n ?? 0),
  };
  if (!conn) return { ...base, state: "not_connected", label: "Not connected", detail: null };
  const queued = base.pausedJobs > 0 ? ` ${base.pausedJobs === 1 ? "1 write waits" : `${base.pausedJobs} writes wait`} until then.` : "";
  if (conn.status === "needs_attention") {
    return {
      ...base,
      state: "needs_attention",
      label: "Needs attention",
      detail: `${conn.reason ?? "Intercom rejected the saved token."} Tailor re-checks it regularly and recovers by itself if Intercom accepts it again.${queued}`,
    };
  }
  if ((failures.forbidden ?? 0) > 0) {
    return {
      ...base,
      state: "needs_attention",
      label: "Needs attention",
      detail: `Intercom refused ${describeFailures({ forbidden: failures.forbidden })} since the last successful call. Check the app's permissions in Intercom's Developer Hub, then test the connection.`,
    };
  }
  if (base.canWrite === false) {
    return {
      ...base,
      state: "read_only",
      label: "Connected · read-only: write-back is off",
      detail:
        "This token can read contacts but not write them, so Tailor does not queue answers for Intercom. To turn write-back on, give the app write access to contacts in Intercom's Developer Hub and replace the token.",
    };
  }
  const trouble = { rate_limited: failures.rate_limited, server_error: failures.server_error, network: failures.network };
  if (Object.values(trouble).some((n) => (n ?? 0) > 0)) {
    return {
      ...base,
      state: "degraded",
      label: "Connected · Intercom is having trouble",
      detail: `${describeFailures(trouble)} since the last successful call. Tailor retries by itself; nothing to do unless this persists.${queued}`,
    };
  }
  return { ...base, state: "healthy", label: `Connected to ${conn.appName} · ${conn.region}`, detail: null };
}

export const healthTone = { not_connected: "neutral", healthy: "success", read_only: "warning", degraded: "warning", needs_attention: "danger" } as const;

export const READ_ONLY_REASON =
  "Write-back is off: the connected Intercom token is read-only (it can read contacts but not write them). Replace it with a token that can write contacts.";

/** Why Tailor must not write to Intercom right now (read-only token), or null. */
export async function writeBackOffReason(workspaceId: string): Promise<string | null> {
  return (await canWriteBack(workspaceId)) ? null : READ_ONLY_REASON;
}

/** Mappings excluded from syncing (drift), by attribute, with the reason in words. */
export async function excludedMappings(workspaceId: string, tx: DbOrTx = getDb()): Promise<Map<string, string>> {
  const m = tables.fieldMappings;
  const rows = await tx.select({ attribute: m.attributeName, reason: m.driftReason }).from(m).where(and(eq(m.workspaceId, workspaceId), isNotNull(m.driftReason)));
  return new Map(rows.map((r) => [r.attribute, driftText(r.attribute, r.reason!)]));
}
