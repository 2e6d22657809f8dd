import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/guard";
import { ANALYTICS_RANGES, getFlowAnalytics, rangeStart, type AnalyticsRange } from "@/lib/flows/analytics";
import { analyticsRows, percent } from "@/lib/flows/builder-analytics";
import { getFlow, knownQuestions } from "@/lib/flows/flows";
import { getLiveConfig } from "@/lib/publishing/versions";
import { workspaceFacts } from "@/lib/runtime/flows";
import { AnswerBreakdown } from "../../_components/answer-breakdown";
import { StepChart } from "../../_components/step-chart";
import { orNotFound } from "@/lib/not-found";
import { EmptyState } from "@/components/empty-state";
import { RANGE_LABELS, RangePicker } from "@/components/range-picker";

export const metadata: Metadata = { title: "Flow analytics" };

const rangeLabels: Record<AnalyticsRange, string> = RANGE_LABELS;

function parseRange(value: string | string[] | undefined): AnalyticsRange {
  return typeof value === "string" && Object.hasOwn(ANALYTICS_RANGES, value) ? (value as AnalyticsRange) : "all";
}

export default async function FlowAnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireCapability("flows:read");
  const { id } = await params;
  const range = parseRange((await searchParams).range);
  const [flow, live, questions, facts] = await Promise.all([
    orNotFound(getFlow(ctx.workspaceId, id)),
    getLiveConfig(ctx.workspaceId),
    knownQuestions(ctx.workspaceId),
    workspaceFacts(ctx.workspaceId),
  ]);
  // Visitors only ever see the published steps, so those are what is counted.
  const published = live.snapshot.flows.find((f) => f.key === flow.key);
  const stats = await getFlowAnalytics(ctx.workspaceId, flow.key, published?.steps ?? [], { since: rangeStart(range) });
  const picker = <RangePicker range={range} hrefOf={(r) => (r === "all" ? `/flows/${id}/analytics` : `/flows/${id}/analytics?range=${r}`)} />;
  const rows = analyticsRows(stats, published?.steps ?? [], flow.steps, questions);
  const answerItems = rows.flatMap((row) => {
    const step = published?.steps.find((s) => s.id === row.stepId);
    if (step?.type !== "question" || row.answers.length === 0) return [];
    const options = facts.questions.get(step.questionKey)?.answers ?? [];
    return [{ row, labels: new Map(options.map((o) => [o.key, o.label])) }];
  });

  if (stats.started === 0) {
    const empty = range === "all" ? "No visitors have seen this flow yet" : `No visitors saw this flow in the ${rangeLabels[range].toLowerCase()}`;
    return (
      <div className="space-y-6">
        {picker}
        <EmptyState title={empty}>
            {published
              ? published.enabled
                ? "Visit your site (with the Tailor snippet installed, as an identified visitor if the audience asks for it) and numbers appear here."
                : "The published version of this flow is off. Turn it on, publish, and visit your site."
              : "Publish the flow and visit your site: each step's views, answers and drop-off appear here."}
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {picker}
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Started" value={String(stats.started)} hint="Visitors shown a step (or whose answers were all known)" />
        <Stat label="Completed" value={String(stats.completed)} hint="Visitors who reached the end" />
        <Stat label="Completion rate" value={percent(stats.completed, stats.started)} hint="Completed ÷ started" />
      </dl>
      {!published ? <Alert>This flow is not in the published configuration any more, so its steps can&apos;t be broken down.</Alert> : null}
      {rows.length > 0 ? (
        <>
          <StepChart rows={rows} />
          <Table>
            <caption className="sr-only">Per step, distinct visitors, {rangeLabels[range].toLowerCase()}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>Step</TableHead>
                <TableHead className="text-right">Views</TableHead>
                <TableHead className="text-right">Answered or continued</TableHead>
                <TableHead className="text-right">Skipped</TableHead>
                <TableHead className="text-right">Dismissed</TableHead>
                <TableHead className="text-right">Drop-off</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.stepId}>
                  <TableCell className="font-medium">
                    {row.label}
                    {row.inDraft ? null : <span className="block text-xs font-normal text-zinc-500">Removed from the draft</span>}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{row.views}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.progressed}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.skipped}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.dismissed}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {row.dropOff} <span className="text-zinc-500">({percent(row.dropOff, row.views)})</span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <AnswerBreakdown items={answerItems} />
          <p className="text-xs text-zinc-500">
            Distinct visitors, {rangeLabels[range].toLowerCase()}, for the published v{live.version} steps. Skipped: the answer was already known. Drop-off: shown but never moved past.
          </p>
        </>
      ) : null}
    </div>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs">
      <dt className="text-sm text-zinc-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      <dd className="text-xs text-zinc-500">{hint}</dd>
    </div>
  );
}
