import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { listPublishRequests } from "@/lib/publishing/requests";
import { RequestStatusBadge } from "../_components/request-status-badge";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Publish requests" };

export default async function PublishRequestsPage() {
  const ctx = await requireCapability("personalizations:read");
  const requests = await listPublishRequests(ctx.workspaceId);
  const pending = requests.filter((r) => r.status === "pending");
  const answered = requests.filter((r) => r.status !== "pending");
  const canPublish = can(ctx.role, "publish");
  return (
    <>
      <BackLink href="/personalizations">Personalizations</BackLink>
      <PageHeader
        title="Publish requests"
        description={
          canPublish
            ? "Marketers send their draft changes here. Review what would change, then publish it or decline with a reason."
            : "Draft changes sent to an owner or admin for review, and their answers."
        }
      />
      <section aria-labelledby="pending-heading" className="mb-8">
        <h2 id="pending-heading" className="mb-3 font-semibold">
          Waiting for review <span className="text-zinc-500">({pending.length})</span>
        </h2>
        {pending.length === 0 ? (
          <EmptyState title="Nothing to review">When someone asks to publish their changes, the request shows up here and on the bell.</EmptyState>
        ) : (
          <RequestTable rows={pending} caption="Publish requests waiting for review" />
        )}
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="answered-heading">
          <h2 id="answered-heading" className="mb-3 font-semibold">
            Answered
          </h2>
          <RequestTable rows={answered} caption="Answered publish requests" />
        </section>
      ) : null}
    </>
  );
}

async function RequestTable({ rows, caption }: { rows: Awaited<ReturnType<typeof listPublishRequests>>; caption: string }) {
  const dateStyle = await viewerDateStyle();
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Request</TableHead>
          <TableHead className="hidden sm:table-cell">Sent</TableHead>
          <TableHead className="text-right">Changes</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="min-w-0">
              <Link href={`/personalizations/requests/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.requestedBy}
              </Link>
              {r.note ? <p className="line-clamp-2 max-w-md break-words text-sm text-zinc-600">{r.note}</p> : null}
              <p className="text-xs text-zinc-500 sm:hidden">{formatDateTime(r.createdAt, { style: dateStyle })}</p>
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-sm text-zinc-700 sm:table-cell">{formatDateTime(r.createdAt, { style: dateStyle })}</TableCell>
            <TableCell className="text-right tabular-nums">{r.changeCount}</TableCell>
            <TableCell>
              <RequestStatusBadge status={r.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
