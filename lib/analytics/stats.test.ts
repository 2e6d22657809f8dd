import { describe, expect, it } from "vitest";
import { conversionRate, hasEnoughData, relativeLift, verdict } from "./stats";

describe("conversion maths", () => {
  it("computes the rate, and none without visitors", () => {
    expect(conversionRate({ visitors: 200, conversions: 30 })).toBe(0.15);
    expect(conversionRate({ visitors: 0, conversions: 0 })).toBeNull();
  });

  // By hand: rates 120/1000 = 0.12 and 100/1000 = 0.10, ratio 1.2 (lift +20 %).
  // se(ln ratio) = √(1/120 − 1/1000 + 1/100 − 1/1000) = √0.0163333 = 0.127802;
  // ln 1.2 = 0.182322, ± 1.96 × 0.127802 = ± 0.250491 → e^−0.068170 = 0.934102, e^0.432813 = 1.541601.
  it("gives the lift over the holdout with a 95 % interval (hand-computed)", () => {
    const l = relativeLift({ visitors: 1000, conversions: 120 }, { visitors: 1000, conversions: 100 })!;
    expect(l.lift).toBeCloseTo(0.2, 6);
    expect(l.low).toBeCloseTo(-0.065898, 4);
    expect(l.high).toBeCloseTo(0.541601, 4);
  });

  // By hand: 300/2000 = 0.15 vs 100/2000 = 0.05, ratio 3; se = √(1/300 − 1/2000 + 1/100 − 1/2000) = √0.0123333 = 0.111056;
  // ln 3 = 1.098612 ± 0.217666 → e^0.880946 = 2.413206, e^1.316278 = 3.729471.
  it("handles a clear winner and unequal results", () => {
    const l = relativeLift({ visitors: 2000, conversions: 300 }, { visitors: 2000, conversions: 100 })!;
    expect(l.lift).toBeCloseTo(2, 6);
    expect(l.low).toBeCloseTo(1.413206, 3);
    expect(l.high).toBeCloseTo(2.729471, 3);
    expect(verdict("VIP hero", { visitors: 2000, conversions: 300 }, { visitors: 2000, conversions: 100 })).toEqual({
      tone: "winning",
      text: '"VIP hero" converts better than the holdout: +200 % (95 % interval +141 % to +273 %).',
    });
  });

  it("has no lift without conversions on either side", () => {
    expect(relativeLift({ visitors: 100, conversions: 0 }, { visitors: 100, conversions: 4 })).toBeNull();
    expect(relativeLift({ visitors: 100, conversions: 4 }, { visitors: 100, conversions: 0 })).toBeNull();
  });

  it("says not enough data below the minimum sample, and no clear difference when the interval spans 0", () => {
    expect(hasEnoughData({ visitors: 99, conversions: 50 }, { visitors: 500, conversions: 50 })).toBe(false);
    expect(hasEnoughData({ visitors: 500, conversions: 4 }, { visitors: 500, conversions: 50 })).toBe(false);
    expect(verdict("A", { visitors: 50, conversions: 10 }, { visitors: 50, conversions: 5 }).tone).toBe("waiting");
    expect(verdict("A", { visitors: 1000, conversions: 120 }, { visitors: 1000, conversions: 100 })).toEqual({
      tone: "unclear",
      text: 'No clear difference yet between "A" and the holdout: +20 % (95 % interval −7 % to +54 %).',
    });
    expect(verdict("A", { visitors: 2000, conversions: 100 }, { visitors: 2000, conversions: 300 }).tone).toBe("losing");
  });
});
