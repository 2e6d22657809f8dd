import type { Metadata } from "next";
import Link from "next/link";
import { History, Plus, Target } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listPersonalizations } from "@/lib/personalizations/personalizations";
import { applyListQuery, listStatus, parseListQuery } from "@/lib/publishing/list-query";
import { getLiveConfig } from "@/lib/publishing/versions";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/components/empty-state";
import { ResultsLine } from "@/components/analytics/results-line";
import { resultsSummaries } from "@/lib/analytics/results";
import { ListFilter, ListStatusBadge, NoMatches } from "@/components/lists/list-filter";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Personalizations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PersonalizationsPage({ searchParams }: Props) {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("personalizations:read");
  const [personalizations, live, query] = await Promise.all([listPersonalizations(ctx.workspaceId), getLiveConfig(ctx.workspaceId), searchParams.then(parseListQuery)]);
  const liveByKey = new Map(live.snapshot.personalizations.map((p) => [p.placementKey, p]));
  const listed = personalizations.map((p) => {
    const published = liveByKey.get(p.placementKey);
    const { placementKey, name, defaultHtml, variants, holdoutPercent, primaryGoal } = p;
    const draft = { placementKey, name, defaultHtml, variants, holdoutPercent, primaryGoal };
    return { ...p, key: placementKey, published: Boolean(published), status: listStatus(draft, published) };
  });
  const shown = applyListQuery(listed, query);
  const canEdit = can(ctx.role, "personalizations:edit");
  const results = await resultsSummaries(ctx.workspaceId, live.snapshot.personalizations);
  return (
    <>
      <PageHeader
        title="Personalizations"
        description="What each placement on your site shows, and to whom. Changes are drafts until they are published."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/personalizations/goals" className={buttonVariants({ variant: "secondary" })}>
              <Target className="size-4" aria-hidden />
              Goals
            </Link>
            <Link href="/personalizations/versions" className={buttonVariants({ variant: "secondary" })}>
              <History className="size-4" aria-hidden />
              Versions
            </Link>
            {canEdit && personalizations.length > 0 ? (
              <Link href="/personalizations/new" className={buttonVariants()}>
                <Plus className="size-4" aria-hidden />
                New personalization
              </Link>
            ) : null}
          </div>
        }
      />
      {personalizations.length === 0 ? (
        <EmptyState
          title="No personalizations yet"
          action={
            canEdit ? (
              <Link href="/personalizations/new" className={buttonVariants({ className: "mt-4" })}>
                <Plus className="size-4" aria-hidden />
                New personalization
              </Link>
            ) : (
              <p className="mt-3 text-sm text-zinc-600">An owner, admin or marketer can create one.</p>
            )
          }
        >
          A personalization replaces the content of one element on your site, marked with{" "}
          <code className="font-mono text-xs">data-tailor-placement</code>, with a variant per audience.
        </EmptyState>
      ) : (
        <>
          <ListFilter action="/personalizations" query={query} noun="personalizations" shown={shown.length} total={listed.length} />
          {shown.length === 0 ? (
            <NoMatches noun="personalizations" href="/personalizations" />
          ) : (
            <Table>
              <caption className="sr-only">Personalizations (draft)</caption>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Placement key</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Variants</TableHead>
                  <TableHead>Last edited</TableHead>
                  <TableHead>Results (30 days)</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell className="font-medium">
                      <Link href={`/personalizations/${p.id}`} className="text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                    </TableCell>
                    <TableCell className="break-all font-mono text-xs text-zinc-700">{p.placementKey}</TableCell>
                    <TableCell>
                      <ListStatusBadge status={p.status} detail={p.published ? undefined : "Not published yet"} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{p.variants.length}</TableCell>
                    <TableCell className="whitespace-nowrap text-xs text-zinc-600">{formatDateTime(p.updatedAt, { style: dateStyle })}</TableCell>
                    <TableCell className="text-sm">
                      <Link href={`/personalizations/${p.id}/results`} className="hover:underline">
                        <ResultsLine summary={results.get(p.placementKey)} />
                      </Link>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </>
  );
}
