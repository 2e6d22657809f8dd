import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listGoals } from "@/lib/analytics/goals";
import { formatCount, formatLift, formatRate } from "@/lib/analytics/format";
import { parseRange, personalizationResults, resultsSubject } from "@/lib/analytics/results";
import { RANGE_LABELS, RangePicker } from "@/components/range-picker";
import { requireCapability } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/not-found";
import { getPersonalization } from "@/lib/personalizations/personalizations";
import { getLiveConfig } from "@/lib/publishing/versions";
import { PersonalizationTabs } from "../../_components/personalization-tabs";
import { ResultsChart, armColor } from "../../_components/results-chart";

export const metadata: Metadata = { title: "Personalization results" };

const toneOf = { waiting: "info", winning: "success", losing: "warning", unclear: "info" } as const;

export default async function PersonalizationResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireCapability("personalizations:read");
  const { id } = await params;
  const range = parseRange((await searchParams).range);
  const [personalization, live, goals] = await Promise.all([orNotFound(getPersonalization(ctx.workspaceId, id)), getLiveConfig(ctx.workspaceId), listGoals(ctx.workspaceId)]);
  // Visitors see the published version: its holdout and goal are what was measured; the draft's names label the arms.
  const published = live.snapshot.personalizations.find((p) => p.placementKey === personalization.placementKey);
  const subject = resultsSubject(personalization, published);
  const primaryGoal = subject.primaryGoal;
  const results = await personalizationResults(ctx.workspaceId, subject, range);
  const goal = goals.find((g) => g.key === primaryGoal);
  const exportHref = `/personalizations/${id}/results/export?range=${range}`;

  return (
    <>
      <BackLink href="/personalizations">Personalizations</BackLink>
      <PageHeader
        title={personalization.name}
        description={<span className="font-mono text-xs">{personalization.placementKey}</span>}
        actions={
          results.arms.length > 0 ? (
            <a href={exportHref} className="inline-flex h-9 items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium hover:bg-zinc-50" download>
              <Download className="size-4" aria-hidden />
              Export CSV
            </a>
          ) : null
        }
      />
      <PersonalizationTabs id={id} />
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <RangePicker range={range} hrefOf={(r) => `/personalizations/${id}/results?range=${r}`} />
          <p className="text-sm text-zinc-600">
            Goal: {goal ? <strong>{goal.name}</strong> : primaryGoal ? <code>{primaryGoal}</code> : "none"} · holdout {published?.holdoutPercent ?? 0} % (live)
          </p>
        </div>
        {!primaryGoal ? (
          <Alert tone="warning">
            No primary goal yet, so conversions aren&apos;t measured. Pick one under Measurement in the <Link href={`/personalizations/${id}`} className="underline">editor</Link> and publish.
          </Alert>
        ) : null}
        {published && published.holdoutPercent === 0 && primaryGoal ? (
          <Alert>The live version keeps no holdout, so there is nothing to compare against. Set a holdout in the editor and publish.</Alert>
        ) : null}
        {results.arms.length === 0 ? (
          <EmptyState title={range === "all" ? "No visitors have seen this personalization yet" : `No visitors saw this personalization in the ${RANGE_LABELS[range].toLowerCase()}`}>
            {published ? "Once visitors load a page with this placement, impressions and conversions appear here." : "It isn't published yet: publish it, then visit your site."}
          </EmptyState>
        ) : (
          <>
            <div className="space-y-2" aria-live="polite">
              {results.arms
                .filter((a) => a.verdict)
                .map((a) => (
                  <Alert key={a.arm} tone={toneOf[a.verdict!.tone]}>
                    {a.verdict!.text}
                  </Alert>
                ))}
            </div>
            <Card aria-labelledby="arms-title">
              <CardTitle id="arms-title">Variants and holdout</CardTitle>
              <div className="mt-3 overflow-x-auto">
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Arm</TableHead>
                      <TableHead className="text-right">Visitors</TableHead>
                      <TableHead className="text-right">Impressions</TableHead>
                      <TableHead className="text-right">Conversions</TableHead>
                      <TableHead className="text-right">Conversion rate</TableHead>
                      <TableHead>Lift vs holdout (95 % interval)</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {results.arms.map((a, i) => (
                      <TableRow key={a.arm}>
                        <TableCell className="font-medium">
                          <span className="inline-flex items-center gap-2">
                            <span aria-hidden className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: armColor(a.arm, i) }} />
                            {a.label}
                          </span>
                        </TableCell>
                        <TableCell className="text-right tabular-nums">{formatCount(a.visitors)}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatCount(a.impressions)}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatCount(a.conversions)}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatRate(a.rate)}</TableCell>
                        <TableCell className="tabular-nums">
                          {a.lift
                            ? a.verdict?.tone === "waiting"
                              ? `${formatLift(a.lift.lift)} (interval after more data)`
                              : `${formatLift(a.lift.lift)} (${formatLift(a.lift.low)} to ${formatLift(a.lift.high)})`
                            : a.arm === "holdout"
                              ? "baseline"
                              : "—"}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
              <p className="mt-3 text-xs text-zinc-600">
                Visitors: first shown this arm in the range. Impressions: visitor-days. Conversions: visitors who reached the goal after seeing the arm.
              </p>
            </Card>
            <Card aria-labelledby="chart-title">
              <CardTitle id="chart-title">Conversion rate over time</CardTitle>
              <div className="mt-3">
                <ResultsChart arms={results.arms} days={results.days} from={results.from ?? results.to} to={results.to} />
              </div>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
