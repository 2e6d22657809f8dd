import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { FlowEventKind } from "@/db/schema/flow-types";
import type { FlowStep } from "./schema";

export type StepStats = {
  stepId: string;
  /** Distinct visitors the step was shown to. */
  views: number;
  /** Distinct visitors who answered it, went past it or clicked its call to action. */
  progressed: number;
  /** Distinct visitors for whom it was skipped (the answer was already known). */
  skipped: number;
  /** Distinct visitors who closed the widget on this step. */
  dismissed: number;
  /** Shown but never moved past (closed it, or left the page): views − progressed, never negative. */
  dropOff: number;
  /** Question steps: distinct visitors per answer key chosen here (a multi-select answer counts for each key). */
  answers: { key: string; visitors: number }[];
};

export type FlowStats = {
  /** Distinct visitors the flow reached: shown a step, or passed over questions whose answer was known. */
  started: number;
  /** Distinct visitors who reached the end. */
  completed: number;
  /** Per step of the given steps, in their order. End steps never progress, so their drop-off is 0. */
  steps: StepStats[];
};

const PROGRESS: FlowEventKind[] = ["answer", "continue", "cta"];

export const ANALYTICS_RANGES = { "7d": 7, "30d": 30, all: null } as const;
export type AnalyticsRange = keyof typeof ANALYTICS_RANGES;

export function rangeStart(range: AnalyticsRange, now = new Date()): Date | undefined {
  const days = ANALYTICS_RANGES[range];
  return days === null ? undefined : new Date(now.getTime() - days * 86_400_000);
}

/** Counts of distinct visitors per step and event kind, for one flow, since `since` (default: all time). */
export async function getFlowAnalytics(
  workspaceId: string,
  flowKey: string,
  steps: Pick<FlowStep, "id" | "type">[],
  { since }: { since?: Date } = {},
): Promise<FlowStats> {
  const e = tables.flowEvents;
  const where = and(eq(e.workspaceId, workspaceId), eq(e.flowKey, flowKey), since ? gte(e.createdAt, since) : undefined);
  const distinctVisitors = sql<number>`count(distinct ${e.visitorId})`;
  const [perStep, perFlow, progressedRows, [reached], answerRows] = await Promise.all([
    getDb().select({ stepId: e.stepId, kind: e.kind, visitors: distinctVisitors }).from(e).where(where).groupBy(e.stepId, e.kind),
    getDb().select({ kind: e.kind, visitors: distinctVisitors }).from(e).where(where).groupBy(e.kind),
    // One visitor may both click a CTA and continue past it: count them once.
    getDb().select({ stepId: e.stepId, visitors: distinctVisitors }).from(e).where(and(where, inArray(e.kind, PROGRESS))).groupBy(e.stepId),
    // A visitor whose every answer was known completes without a view: still reached, so rates stay ≤ 100 %.
    getDb().select({ visitors: distinctVisitors }).from(e).where(and(where, inArray(e.kind, ["view", "skip"]))),
    getDb().select({ stepId: e.stepId, answers: e.answers, visitors: distinctVisitors }).from(e).where(and(where, eq(e.kind, "answer"))).groupBy(e.stepId, e.answers),
  ]);
  const answersOf = (stepId: string) => {
    const counts = new Map<string, number>();
    for (const row of answerRows) {
      if (row.stepId !== stepId) continue;
      for (const key of new Set(row.answers ?? [])) counts.set(key, (counts.get(key) ?? 0) + Number(row.visitors));
    }
    return [...counts].map(([key, visitors]) => ({ key, visitors })).sort((a, b) => b.visitors - a.visitors || a.key.localeCompare(b.key));
  };
  const count = (stepId: string, kinds: FlowEventKind[]) =>
    perStep.filter((r) => r.stepId === stepId && kinds.includes(r.kind)).reduce((n, r) => n + Number(r.visitors), 0);
  const flowCount = (kind: FlowEventKind) => Number(perFlow.find((r) => r.kind === kind)?.visitors ?? 0);
  return {
    started: Number(reached?.visitors ?? 0),
    completed: flowCount("complete"),
    steps: steps.map(({ id, type }) => {
      const views = count(id, ["view"]);
      const progressed = Number(progressedRows.find((r) => r.stepId === id)?.visitors ?? 0);
      return {
        stepId: id,
        views,
        progressed,
        skipped: count(id, ["skip"]),
        dismissed: count(id, ["dismiss"]),
        dropOff: type === "end" ? 0 : Math.max(0, views - progressed),
        answers: answersOf(id),
      };
    }),
  };
}
