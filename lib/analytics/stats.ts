// The maths of the results page: conversion rates, the relative lift of a variant over the
// holdout and its 95 % interval (log of the rate ratio, delta method: the usual interval for a
// risk ratio), and the plain-language verdict. Pure functions, tested against hand-computed values.

export type ArmCounts = { visitors: number; conversions: number };
export type Lift = { lift: number; low: number; high: number };

/** Below these, per arm, the page says "not enough data yet" rather than guess. */
export const MIN_VISITORS_PER_ARM = 100;
export const MIN_CONVERSIONS_PER_ARM = 5;
const Z95 = 1.959963984540054;

export function conversionRate({ visitors, conversions }: ArmCounts): number | null {
  return visitors > 0 ? Math.min(conversions, visitors) / visitors : null;
}

/** Relative lift of `arm` over `control` (0.2 = +20 %) with its 95 % interval; null when either has no conversions. */
export function relativeLift(arm: ArmCounts, control: ArmCounts): Lift | null {
  const a = Math.min(arm.conversions, arm.visitors);
  const c = Math.min(control.conversions, control.visitors);
  if (a <= 0 || c <= 0) return null;
  const ratio = a / arm.visitors / (c / control.visitors);
  const se = Math.sqrt(1 / a - 1 / arm.visitors + 1 / c - 1 / control.visitors);
  const log = Math.log(ratio);
  return { lift: ratio - 1, low: Math.exp(log - Z95 * se) - 1, high: Math.exp(log + Z95 * se) - 1 };
}

export function hasEnoughData(arm: ArmCounts, control: ArmCounts): boolean {
  return [arm, control].every((x) => x.visitors >= MIN_VISITORS_PER_ARM && x.conversions >= MIN_CONVERSIONS_PER_ARM);
}

export type Verdict = { tone: "waiting" | "winning" | "losing" | "unclear"; text: string };

const pct = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(Math.round(x * 100))} %`;

/** One sentence a marketer can repeat to their boss. */
export function verdict(name: string, arm: ArmCounts, control: ArmCounts): Verdict {
  if (!hasEnoughData(arm, control)) {
    return {
      tone: "waiting",
      text: `Not enough data yet: each of "${name}" and the holdout needs at least ${MIN_VISITORS_PER_ARM} visitors and ${MIN_CONVERSIONS_PER_ARM} conversions.`,
    };
  }
  const l = relativeLift(arm, control)!;
  const range = `${pct(l.low)} to ${pct(l.high)}`;
  if (l.low > 0) return { tone: "winning", text: `"${name}" converts better than the holdout: ${pct(l.lift)} (95 % interval ${range}).` };
  if (l.high < 0) return { tone: "losing", text: `"${name}" converts worse than the holdout: ${pct(l.lift)} (95 % interval ${range}).` };
  return { tone: "unclear", text: `No clear difference yet between "${name}" and the holdout: ${pct(l.lift)} (95 % interval ${range}).` };
}
