import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { RateLimitInfo } from "@/lib/intercom";

/**
 * Pacing under the workspace's Intercom rate limit, shared by every worker through one row per
 * workspace (intercom_rate_state). Each request reserves a send time ("slot"):
 * - slots are spaced window / (target × limit) apart (a virtual schedule, like GCRA), so requests
 *   spread evenly over Intercom's 10-second windows instead of bursting into a 429;
 * - the remaining budget (X-RateLimit-Remaining, minus our own reservations since) is a guard: when
 *   only the reserve is left, the next slot is the window's reset (X-RateLimit-Reset);
 * - a 429 moves the next slot to the reset it announced.
 * Rows are updated with a version check (optimistic), so concurrent workers never share a slot.
 */

export type PacingConfig = {
  /** Share of the limit to use (0..1). */
  target: number;
  /** Length of Intercom's rate window (documented: 10 s). Longer windows are caught by the guard. */
  windowMs: number;
  /** Spacing before the first response has told us the limit. */
  coldIntervalMs: number;
};

export type RateRow = {
  limit: number | null;
  remaining: number | null;
  resetAt: Date | null;
  nextSlotAt: Date;
};

export type SlotPlan = { slot: number; next: Pick<RateRow, "remaining" | "resetAt" | "nextSlotAt"> };

const RESET_MARGIN_MS = 25;

/** Requests held back from each window, so a few in-flight requests can't tip it over the limit. */
export function reserveOf(limit: number): number {
  return Math.max(1, Math.ceil(limit * 0.03));
}

/** Pure: the send time of the next request and the state after reserving it. */
export function planSlot(row: RateRow, now: number, config: PacingConfig): SlotPlan {
  let slot = Math.max(now, row.nextSlotAt.getTime());
  const limit = row.limit;
  if (limit === null || limit <= 0) {
    // Before the first answer: `remaining` counts the requests reserved so far as a negative number,
    // so the first answer can put them on the schedule (applyObservation).
    return { slot, next: { remaining: Math.min(0, row.remaining ?? 0) - 1, resetAt: row.resetAt, nextSlotAt: new Date(slot + config.coldIntervalMs) } };
  }
  let resetAt = row.resetAt?.getTime() ?? null;
  let remaining = row.remaining === null || row.remaining < 0 ? limit : row.remaining;
  // The window we knew about is over: a new one opens with this request; its reset is learnt from the answer.
  if (resetAt !== null && slot >= resetAt) {
    resetAt = null;
    remaining = limit;
  }
  if (remaining - 1 < reserveOf(limit)) {
    slot = (resetAt ?? slot + config.windowMs) + RESET_MARGIN_MS;
    resetAt = null;
    remaining = limit;
  }
  const interval = config.windowMs / (config.target * limit);
  return {
    slot,
    next: { remaining: remaining - 1, resetAt: resetAt === null ? null : new Date(resetAt), nextSlotAt: new Date(slot + interval) },
  };
}

/**
 * Pure: the state after a response's X-RateLimit-* headers. Answers from an older window are ignored.
 * The first answer that tells the limit also puts the requests made before it (at the cold
 * interval, faster than the schedule when the limit is low) on the schedule: the next slot moves to
 * where it would be had they been spaced window ÷ (target × limit) apart. Without that, a low limit's
 * first window held more than its share, its budget ran into the reserve, and the pacer stopped until
 * X-RateLimit-Reset (whole seconds: up to a second lost, once per workspace).
 */
export function applyObservation(row: RateRow, info: RateLimitInfo, config?: PacingConfig): Pick<RateRow, "limit" | "remaining" | "resetAt"> & { nextSlotAt?: Date } {
  const limit = info.limit ?? row.limit;
  if (limit === null || limit <= 0) return { limit, remaining: row.remaining, resetAt: row.resetAt };
  const coldReserved = row.remaining !== null && row.remaining < 0 ? -row.remaining : 0;
  if (coldReserved === 0) return observeWindow(row, info, limit);
  const behind = config ? coldReserved * Math.max(0, config.windowMs / (config.target * limit) - config.coldIntervalMs) : 0;
  return { ...observeWindow({ ...row, remaining: null }, info, limit), nextSlotAt: new Date(row.nextSlotAt.getTime() + behind) };
}

function observeWindow(row: RateRow, info: RateLimitInfo, limit: number | null): Pick<RateRow, "limit" | "remaining" | "resetAt"> {
  if (info.resetAt === undefined || info.remaining === undefined) return { limit, remaining: row.remaining, resetAt: row.resetAt };
  const known = row.resetAt?.getTime() ?? null;
  const seen = info.resetAt.getTime();
  if (known === null || seen > known) return { limit, remaining: info.remaining, resetAt: info.resetAt };
  if (seen === known) return { limit, remaining: Math.min(row.remaining ?? info.remaining, info.remaining), resetAt: row.resetAt };
  return { limit, remaining: row.remaining, resetAt: row.resetAt };
}

type StoredRow = typeof tables.intercomRateState.$inferSelect;

async function loadRow(workspaceId: string, config: PacingConfig): Promise<StoredRow> {
  const r = tables.intercomRateState;
  const db = getDb();
  const [row] = await db.select().from(r).where(eq(r.workspaceId, workspaceId));
  if (row) return row;
  const now = new Date();
  await db
    .insert(r)
    .values({ workspaceId, windowMs: config.windowMs, nextSlotAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [created] = await db.select().from(r).where(eq(r.workspaceId, workspaceId));
  return created!;
}

/** Applies `change` to the workspace's row with a version check, retrying on a concurrent update. */
async function updateRow<T>(workspaceId: string, config: PacingConfig, change: (row: StoredRow) => { set: Partial<StoredRow>; result: T }): Promise<T> {
  const r = tables.intercomRateState;
  for (let attempt = 0; attempt < 50; attempt++) {
    const row = await loadRow(workspaceId, config);
    const { set, result } = change(row);
    const updated = await getDb()
      .update(r)
      .set({ ...set, windowMs: config.windowMs, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(r.workspaceId, workspaceId), eq(r.version, row.version)))
      .returning({ version: r.version });
    if (updated.length > 0) return result;
  }
  throw new Error("rate pacing: too much contention on intercom_rate_state");
}

/** Reserves the next send time for one request to this workspace's Intercom (epoch ms). */
export function reserveSlot(workspaceId: string, config: PacingConfig, now = Date.now()): Promise<number> {
  return updateRow(workspaceId, config, (row) => {
    const plan = planSlot(row, now, config);
    return { set: plan.next, result: plan.slot };
  });
}

export function observeRateLimit(workspaceId: string, config: PacingConfig, info: RateLimitInfo): Promise<void> {
  return updateRow(workspaceId, config, (row) => ({ set: applyObservation(row, info, config), result: undefined }));
}

/** After a 429: nothing more until the reset Intercom announced. */
export function blockUntilReset(workspaceId: string, config: PacingConfig, resetAt: Date): Promise<void> {
  return updateRow(workspaceId, config, (row) => ({
    set: {
      remaining: 0,
      resetAt,
      nextSlotAt: new Date(Math.max(row.nextSlotAt.getTime(), resetAt.getTime() + RESET_MARGIN_MS)),
    },
    result: undefined,
  }));
}

export async function rateStateOf(workspaceId: string): Promise<StoredRow | undefined> {
  const r = tables.intercomRateState;
  const [row] = await getDb().select().from(r).where(eq(r.workspaceId, workspaceId));
  return row;
}
