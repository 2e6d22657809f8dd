import { describe, expect, it } from "vitest";
import { holdoutBucket, isInHoldout } from "./holdout";

// Visitor ids as the snippet makes them (UUID v4), generated deterministically for the test.
function uuidLike(i: number): string {
  const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, "0").slice(-width);
  const a = Math.imul(i + 1, 0x9e3779b1);
  const b = Math.imul(i ^ 0x5bd1e995, 0x85ebca6b);
  return `${hex(a, 8)}-${hex(b, 4)}-4${hex(a >>> 4, 3)}-a${hex(b >>> 8, 3)}-${hex(i, 6)}${hex(a ^ b, 6)}`;
}

describe("holdout assignment", () => {
  const ids = Array.from({ length: 100_000 }, (_, i) => uuidLike(i));

  it("is stable: the same visitor lands in the same arm on every call", () => {
    for (const id of ids.slice(0, 1000)) {
      expect(isInHoldout("ws-1", "hero", id, 10)).toBe(isInHoldout("ws-1", "hero", id, 10));
      expect(holdoutBucket("ws-1", "hero", id)).toBe(holdoutBucket("ws-1", "hero", id));
    }
    // Pinned values: a change of the hash would silently move live visitors between arms.
    expect([holdoutBucket("w", "p", "00000000"), holdoutBucket("w", "p", "00000001")]).toEqual(PINNED);
  });

  it.each([5, 10, 25, 50])("keeps %i %% of 100,000 visitor ids within ±1 %%", (percent) => {
    const held = ids.filter((id) => isInHoldout("ws-1", "hero", id, percent)).length;
    expect(Math.abs(held / ids.length - percent / 100)).toBeLessThanOrEqual(0.01);
  });

  it("assigns independently per personalization and workspace", () => {
    const inHero = ids.slice(0, 20_000).filter((id) => isInHoldout("ws-1", "hero", id, 50));
    const alsoInPricing = inHero.filter((id) => isInHoldout("ws-1", "pricing", id, 50)).length;
    expect(Math.abs(alsoInPricing / inHero.length - 0.5)).toBeLessThan(0.02);
    const otherWorkspace = inHero.filter((id) => isInHoldout("ws-2", "hero", id, 50)).length;
    expect(Math.abs(otherWorkspace / inHero.length - 0.5)).toBeLessThan(0.02);
  });

  it("keeps nobody at 0 % and never more than 50 %", () => {
    expect(ids.slice(0, 10_000).some((id) => isInHoldout("ws-1", "hero", id, 0))).toBe(false);
    const capped = ids.filter((id) => isInHoldout("ws-1", "hero", id, 90)).length;
    expect(Math.abs(capped / ids.length - 0.5)).toBeLessThanOrEqual(0.01);
  });
});

const PINNED = [4225, 5652];
