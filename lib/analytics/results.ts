// Results per personalization, read from the daily rollups only (never raw events): per arm the
// visitors first exposed, impressions (visitor-days) and first conversions on the primary goal in
// the range, and a series per day for the chart. Ranges are whole UTC days ending today.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { DEFAULT_ARM, HOLDOUT_ARM, variantIdOf } from "./arms";
import { addDays, dayOf } from "./days";
import { conversionRate, relativeLift, verdict, type Lift, type Verdict } from "./stats";

export const RANGES = { "7d": 7, "30d": 30, all: null } as const;
export type Range = keyof typeof RANGES;
export function parseRange(value: unknown): Range {
  return value === "7d" || value === "all" ? value : "30d";
}

export type ArmResult = {
  arm: string;
  label: string;
  visitors: number;
  impressions: number;
  conversions: number;
  rate: number | null;
  /** Against the holdout; null for the holdout itself, the default, or without conversions on either side. */
  lift: Lift | null;
  verdict: Verdict | null;
};
export type DayPoint = { day: string; arms: Record<string, { visitors: number; conversions: number }> };
export type PersonalizationResults = { range: Range; from: string | null; to: string; goal: string | null; arms: ArmResult[]; days: DayPoint[] };

type Subject = { placementKey: string; variants: readonly { id: string; name: string }[]; primaryGoal: string | null };

/**
 * What to measure for a personalization: the live version's goal (what visitors were measured on)
 * or else the draft's, and arms labelled by the draft's variant names, then the live ones it no longer has.
 */
export function resultsSubject(draft: Subject, published: Subject | undefined): Subject {
  const extra = (published?.variants ?? []).filter((v) => !draft.variants.some((d) => d.id === v.id));
  return { placementKey: draft.placementKey, variants: [...draft.variants, ...extra], primaryGoal: published?.primaryGoal ?? draft.primaryGoal };
}
type Row = { placementKey: string; day: string; arm: string; goalKey: string; visitors: number; impressions: number; conversions: number };

function labelOf(arm: string, variants: Subject["variants"]): string {
  if (arm === HOLDOUT_ARM) return "Holdout (control)";
  if (arm === DEFAULT_ARM) return "Default (no variant matched)";
  const id = variantIdOf(arm);
  return variants.find((v) => v.id === id)?.name ?? "Removed variant";
}

async function rollupRows(workspaceId: string, placementKeys: string[], from: string | null, goalKeys: string[], byDay: boolean): Promise<Row[]> {
  if (placementKeys.length === 0) return [];
  const d = tables.analyticsDaily;
  const where = and(eq(d.workspaceId, workspaceId), inArray(d.placementKey, placementKeys), inArray(d.goalKey, ["", ...goalKeys]), from ? gte(d.day, from) : undefined);
  const sums = {
    visitors: sql<number>`sum(${d.visitors})`.mapWith(Number),
    impressions: sql<number>`sum(${d.impressions})`.mapWith(Number),
    conversions: sql<number>`sum(${d.conversions})`.mapWith(Number),
  };
  if (byDay) {
    return getDb().select({ placementKey: d.placementKey, day: d.day, arm: d.arm, goalKey: d.goalKey, ...sums }).from(d).where(where).groupBy(d.placementKey, d.day, d.arm, d.goalKey);
  }
  const rows = await getDb().select({ placementKey: d.placementKey, arm: d.arm, goalKey: d.goalKey, ...sums }).from(d).where(where).groupBy(d.placementKey, d.arm, d.goalKey);
  return rows.map((r) => ({ ...r, day: "" }));
}

// Arms in a stable order: variants as the editor lists them, then the default, then the holdout.
function armOrder(arm: string, variants: Subject["variants"]): number {
  if (arm === HOLDOUT_ARM) return 1_000_001;
  if (arm === DEFAULT_ARM) return 1_000_000;
  const i = variants.findIndex((v) => v.id === variantIdOf(arm));
  return i < 0 ? 999_999 : i;
}

function armResults(rows: Row[], subject: Subject): ArmResult[] {
  const totals = new Map<string, { visitors: number; impressions: number; conversions: number }>();
  for (const r of rows) {
    const t = totals.get(r.arm) ?? { visitors: 0, impressions: 0, conversions: 0 };
    if (r.goalKey === "") {
      t.visitors += r.visitors;
      t.impressions += r.impressions;
    } else if (r.goalKey === subject.primaryGoal) t.conversions += r.conversions;
    totals.set(r.arm, t);
  }
  const holdout = totals.get(HOLDOUT_ARM);
  return [...totals.entries()]
    .sort(([a], [b]) => armOrder(a, subject.variants) - armOrder(b, subject.variants))
    .map(([arm, t]) => {
      const label = labelOf(arm, subject.variants);
      const compared = variantIdOf(arm) !== null && holdout && subject.primaryGoal;
      return {
        arm,
        label,
        ...t,
        rate: conversionRate(t),
        lift: compared ? relativeLift(t, holdout) : null,
        verdict: compared ? verdict(label, t, holdout) : null,
      };
    });
}

export async function personalizationResults(workspaceId: string, subject: Subject, range: Range, now = new Date()): Promise<PersonalizationResults> {
  const to = dayOf(now);
  const days = RANGES[range];
  const from = days === null ? null : addDays(to, -(days - 1));
  const goals = subject.primaryGoal ? [subject.primaryGoal] : [];
  const rows = await rollupRows(workspaceId, [subject.placementKey], from, goals, true);
  const series = new Map<string, DayPoint>();
  for (const r of rows) {
    const point = series.get(r.day) ?? { day: r.day, arms: {} };
    const a = (point.arms[r.arm] ??= { visitors: 0, conversions: 0 });
    if (r.goalKey === "") a.visitors += r.visitors;
    else a.conversions += r.conversions;
    series.set(r.day, point);
  }
  const sorted = [...series.values()].sort((a, b) => a.day.localeCompare(b.day));
  return { range, from: from ?? sorted[0]?.day ?? null, to, goal: subject.primaryGoal, arms: armResults(rows, subject), days: sorted };
}

export type ResultsSummary = { visitors: number; best: ArmResult | null; holdout: ArmResult | null; verdict: Verdict | null };

/** The compact line of the list and the Overview: last 30 days, the best variant against the holdout. */
export async function resultsSummaries(workspaceId: string, subjects: readonly Subject[], now = new Date()): Promise<Map<string, ResultsSummary>> {
  const from = addDays(dayOf(now), -29);
  const goals = [...new Set(subjects.map((s) => s.primaryGoal).filter((g): g is string => Boolean(g)))];
  const rows = await rollupRows(workspaceId, subjects.map((s) => s.placementKey), from, goals, false);
  const summaries = new Map<string, ResultsSummary>();
  for (const subject of subjects) {
    const arms = armResults(rows.filter((r) => r.placementKey === subject.placementKey), subject);
    const variants = arms.filter((a) => a.lift || a.verdict);
    const best = variants.sort((a, b) => (b.lift?.lift ?? -Infinity) - (a.lift?.lift ?? -Infinity))[0] ?? null;
    summaries.set(subject.placementKey, {
      visitors: arms.reduce((n, a) => n + a.visitors, 0),
      best,
      holdout: arms.find((a) => a.arm === HOLDOUT_ARM) ?? null,
      verdict: best?.verdict ?? null,
    });
  }
  return summaries;
}
