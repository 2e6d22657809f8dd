import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { knownQuestions, listFlows } from "@/lib/flows/flows";
import { validateFlow } from "@/lib/flows/validate";
import { applyListQuery, listStatus, parseListQuery } from "@/lib/publishing/list-query";
import { getLiveConfig } from "@/lib/publishing/versions";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/components/empty-state";
import { ListFilter, ListStatusBadge, NoMatches } from "@/components/lists/list-filter";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Flows" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FlowsPage({ searchParams }: Props) {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("flows:read");
  const [flows, questions, live, query] = await Promise.all([
    listFlows(ctx.workspaceId),
    knownQuestions(ctx.workspaceId),
    getLiveConfig(ctx.workspaceId),
    searchParams.then(parseListQuery),
  ]);
  const liveByKey = new Map(live.snapshot.flows.map((f) => [f.key, f]));
  const listed = flows.map((flow) => {
    const published = liveByKey.get(flow.key);
    const { key, name, enabled, audience, steps } = flow;
    return { ...flow, published, status: listStatus({ key, name, enabled, audience, steps }, published) };
  });
  const shown = applyListQuery(listed, query);
  const canEdit = can(ctx.role, "flows:edit");
  return (
    <>
      <PageHeader
        title="Flows"
        description="Short on-site conversations: questions and messages that branch on what Intercom knows about each visitor. Changes are drafts until they are published."
        actions={
          canEdit && flows.length > 0 ? (
            <Link href="/flows/new" className={buttonVariants()}>
              <Plus className="size-4" aria-hidden />
              New flow
            </Link>
          ) : null
        }
      />
      {flows.length === 0 ? (
        <EmptyState
          title="No flows yet"
          action={
            canEdit ? (
              <Link href="/flows/new" className={buttonVariants({ className: "mt-4" })}>
                <Plus className="size-4" aria-hidden />
                New flow
              </Link>
            ) : (
              <p className="mt-3 text-sm text-zinc-600">An owner, admin or marketer can create one.</p>
            )
          }
        >
          A flow asks visitors a few questions in a small on-site widget, one step at a time. Each step can branch on Intercom data (tags,
          attributes) or on earlier answers, and answers skip themselves when they are already known.
        </EmptyState>
      ) : (
        <>
          <ListFilter action="/flows" query={query} noun="flows" shown={shown.length} total={listed.length} />
          {shown.length === 0 ? (
            <NoMatches noun="flows" href="/flows" />
          ) : (
            <Table>
              <caption className="sr-only">Flows (draft)</caption>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Key</TableHead>
                  <TableHead>Draft</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Steps</TableHead>
                  <TableHead>Checks</TableHead>
                  <TableHead>Last edited</TableHead>
                  <TableHead>
                    <span className="sr-only">Analytics</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((flow) => {
                  const problems = validateFlow(flow, questions).length;
                  const published = flow.published;
                  return (
                    <TableRow key={flow.id}>
                      <TableCell className="font-medium">
                        <Link href={`/flows/${flow.id}`} className="text-brand-700 hover:underline">
                          {flow.name}
                        </Link>
                      </TableCell>
                      <TableCell className="whitespace-nowrap font-mono text-xs text-zinc-700">{flow.key}</TableCell>
                      <TableCell>{flow.enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</TableCell>
                      <TableCell>
                        <ListStatusBadge
                          status={flow.status}
                          detail={!published ? "Not published yet" : flow.status === "draft" ? (published.enabled ? "Live copy on" : "Live copy off") : undefined}
                        />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{flow.steps.length}</TableCell>
                      <TableCell>
                        {problems === 0 ? (
                          <Badge tone="success">Ready</Badge>
                        ) : (
                          <Badge tone="warning" className="whitespace-nowrap">
                            {problems === 1 ? "1 problem" : `${problems} problems`}
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell className="text-xs text-zinc-600">
                        <span className="block max-w-[14rem] truncate" title={flow.updatedBy ?? undefined}>
                          {flow.updatedBy ?? "A former member"}
                        </span>
                        <span className="block">{formatDateTime(flow.updatedAt, { style: dateStyle })}</span>
                      </TableCell>
                      <TableCell className="text-right">
                        <Link href={`/flows/${flow.id}/analytics`} className="text-sm text-brand-700 hover:underline">
                          Analytics<span className="sr-only"> of {flow.name}</span>
                        </Link>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </>
  );
}
