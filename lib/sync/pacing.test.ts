import { describe, expect, it } from "vitest";
import { backoffDelay } from "./config";
import { applyObservation, planSlot, reserveOf, type PacingConfig, type RateRow } from "./pacing";

const config: PacingConfig = { target: 0.95, windowMs: 10_000, coldIntervalMs: 20 };
const row = (over: Partial<RateRow> = {}): RateRow => ({ limit: 100, remaining: 100, resetAt: null, nextSlotAt: new Date(0), ...over });

describe("rate pacing (pure)", () => {
  it("spaces requests window / (target × limit) apart", () => {
    const now = 1_000_000;
    const plan = planSlot(row({ resetAt: new Date(now + 10_000), remaining: 90 }), now, config);
    expect(plan.slot).toBe(now);
    expect(Math.abs(plan.next.nextSlotAt.getTime() - now - 10_000 / 95)).toBeLessThan(1);
    expect(plan.next.remaining).toBe(89);
    const next = planSlot({ ...row(), ...plan.next, limit: 100 }, now, config);
    expect(next.slot).toBe(plan.next.nextSlotAt.getTime());
  });

  it("when only the reserve is left, waits for X-RateLimit-Reset", () => {
    const now = 2_000_000;
    const resetAt = new Date(now + 4_000);
    const plan = planSlot(row({ remaining: reserveOf(100), resetAt }), now, config);
    expect(plan.slot).toBeGreaterThan(resetAt.getTime());
    expect(plan.next.resetAt).toBeNull(); // a new window; its reset comes with the next answer
    expect(plan.next.remaining).toBe(99);
  });

  it("a window that has ended refills the budget", () => {
    const now = 3_000_000;
    const plan = planSlot(row({ remaining: 0, resetAt: new Date(now - 1) }), now, config);
    expect(plan.slot).toBe(now);
    expect(plan.next.remaining).toBe(99);
  });

  it("before the first answer, requests go at a cautious cold interval", () => {
    const plan = planSlot(row({ limit: null, remaining: null }), 10, config);
    expect(plan.next.nextSlotAt.getTime()).toBe(30);
  });

  it("the first answer puts the requests made before it on the schedule, so a low limit's first window keeps its share", () => {
    // Four requests at the cold interval (20 ms) before anything told the limit.
    let state: RateRow = row({ limit: null, remaining: null, nextSlotAt: new Date(0) });
    const slots: number[] = [];
    for (let i = 0; i < 4; i++) {
      const plan = planSlot(state, 0, config);
      slots.push(plan.slot);
      state = { ...state, ...plan.next };
    }
    expect(slots).toEqual([0, 20, 40, 60]);
    expect(state.remaining).toBe(-4);
    // The first answer: limit 100 per 10 s, so the schedule is 10_000 / 95 ≈ 105 ms apart.
    const seen = applyObservation(state, { limit: 100, remaining: 99, resetAt: new Date(10_000) }, config);
    expect(seen).toMatchObject({ limit: 100, remaining: 99, resetAt: new Date(10_000) });
    expect(Math.abs(seen.nextSlotAt!.getTime() - 4 * (10_000 / 95))).toBeLessThan(1);
    // A limit the cold interval already respects moves nothing; later answers never move the schedule.
    expect(applyObservation(state, { limit: 1_666, remaining: 1_665, resetAt: new Date(10_000) }, config).nextSlotAt).toEqual(new Date(80));
    expect(applyObservation({ ...state, ...seen }, { limit: 100, remaining: 98, resetAt: new Date(10_000) }, config).nextSlotAt).toBeUndefined();
  });

  it("observations: a newer window replaces, the same window keeps the lower remaining, an older one is ignored", () => {
    const reset = new Date(5_000_000);
    const base = row({ remaining: 40, resetAt: reset });
    expect(applyObservation(base, { limit: 100, remaining: 99, resetAt: new Date(5_010_000) })).toEqual({ limit: 100, remaining: 99, resetAt: new Date(5_010_000) });
    expect(applyObservation(base, { limit: 100, remaining: 45, resetAt: reset })).toMatchObject({ remaining: 40 });
    expect(applyObservation(base, { limit: 100, remaining: 30, resetAt: reset })).toMatchObject({ remaining: 30 });
    expect(applyObservation(base, { limit: 100, remaining: 10, resetAt: new Date(4_990_000) })).toMatchObject({ remaining: 40, resetAt: reset });
  });

  it("backoff grows exponentially, is capped, and is jittered to 50–100 %", () => {
    const cfg = { backoffBaseMs: 1_000, backoffMaxMs: 10_000 };
    expect(backoffDelay(1, cfg, () => 1)).toBe(1_000);
    expect(backoffDelay(3, cfg, () => 1)).toBe(4_000);
    expect(backoffDelay(3, cfg, () => 0)).toBe(2_000);
    expect(backoffDelay(10, cfg, () => 1)).toBe(10_000);
  });
});
