import type { FlowStats } from "./analytics";
import type { FlowStep } from "./schema";
import { stepLabel, type KnownQuestions } from "./validate";

export type AnalyticsRow = FlowStats["steps"][number] & { label: string; inDraft: boolean; dropOffRate: number | null };

/** Analytics count the published steps; label each with the draft's step where the id still exists. */
export function analyticsRows(stats: FlowStats, published: readonly FlowStep[], draft: readonly FlowStep[], questions: KnownQuestions): AnalyticsRow[] {
  return stats.steps.map((row, i) => {
    const draftIndex = draft.findIndex((s) => s.id === row.stepId);
    const step = draftIndex >= 0 ? draft[draftIndex]! : published[i]!;
    return {
      ...row,
      label: stepLabel(step, draftIndex >= 0 ? draftIndex : i, questions),
      inDraft: draftIndex >= 0,
      dropOffRate: row.views > 0 ? row.dropOff / row.views : null,
    };
  });
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–";
}
