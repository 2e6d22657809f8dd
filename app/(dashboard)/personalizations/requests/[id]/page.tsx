import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/publishing/change-list";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { orNotFound } from "@/lib/not-found";
import { getPublishRequest } from "@/lib/publishing/requests";
import { RequestDecision } from "../_components/request-decision";
import { RequestStatusBadge } from "../_components/request-status-badge";
import { WithdrawRequestButton } from "../_components/withdraw-request-button";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Publish request" };

export default async function PublishRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("personalizations:read");
  const { id } = await params;
  const request = await orNotFound(getPublishRequest(ctx.workspaceId, id));
  const mine = request.requestedByUserId === ctx.userId;
  const pending = request.status === "pending";
  const canDecide = pending && can(ctx.role, "publish") && !mine;
  const current = request.supersededBy === null && request.blockers.length === 0;
  return (
    <>
      <BackLink href="/personalizations/requests">Publish requests</BackLink>
      <PageHeader
        title={`Publish request from ${request.requestedBy}`}
        description={
          <>
            Sent {formatDateTime(request.createdAt, { style: dateStyle })}
            {request.baseVersion === null ? " before anything was published" : `, against v${request.baseVersion}`}.
          </>
        }
        actions={
          <div>
            <RequestStatusBadge status={request.status} />
          </div>
        }
      />
      <div className="space-y-4">
        {request.status === "declined" ? (
          <Alert tone="warning">
            <p className="font-medium">
              Declined by {request.decidedBy}
              {request.decidedAt ? `, ${formatDateTime(request.decidedAt, { style: dateStyle })}` : ""}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">Reason: {request.declineReason}</p>
          </Alert>
        ) : null}
        {request.status === "approved" ? (
          <Alert tone="success">
            Published as{" "}
            <Link href="/personalizations/versions" className="font-medium underline">
              v{request.publishedVersion}
            </Link>{" "}
            by {request.decidedBy}
            {request.decidedAt ? `, ${formatDateTime(request.decidedAt, { style: dateStyle })}` : ""}.
          </Alert>
        ) : null}
        {request.status === "withdrawn" ? <Alert tone="info">{request.requestedBy} withdrew this request. Nothing was published.</Alert> : null}
        {pending && request.supersededBy !== null ? (
          <Alert tone="error">
            v{request.supersededBy} was published after this request was sent, so approving it would undo those changes. Decline it and ask for a new request with
            the current draft.
          </Alert>
        ) : null}
        {pending && request.blockers.length > 0 ? (
          <Alert tone="error">
            <p className="font-medium">Fix these before it can be published</p>
            <ChangeList changes={request.blockers} label="Problems to fix" className="list-disc space-y-1 pl-5" />
          </Alert>
        ) : null}

        <Card aria-labelledby="note-heading">
          <CardTitle id="note-heading">Note</CardTitle>
          {request.note ? (
            <p className="mt-2 whitespace-pre-wrap break-words text-sm text-zinc-800">{request.note}</p>
          ) : (
            <p className="mt-2 text-sm text-zinc-500">No note.</p>
          )}
        </Card>

        <Card aria-labelledby="changes-heading">
          <CardTitle id="changes-heading">
            {request.status === "approved" ? "What was published" : "What would change"} ({request.changes.length})
          </CardTitle>
          <p className="mt-1 text-sm text-zinc-600">Changes by {request.authors.join(", ")}.</p>
          <ChangeList changes={request.changes} label="Changes in this request" className="mt-3 list-disc space-y-1.5 pl-5 text-sm text-zinc-800" />
        </Card>

        {pending && request.laterChanges.length > 0 ? (
          <Alert tone="warning">
            <p className="font-medium">The draft has changed since this request</p>
            <p className="mt-1">These edits are not part of it: approving publishes only what is listed above, and they stay unpublished.</p>
            <ChangeList changes={request.laterChanges} label="Draft changes made after the request" className="mt-2 list-disc space-y-1 pl-5" />
          </Alert>
        ) : null}

        {canDecide ? (
          <RequestDecision
            id={request.id}
            requestedBy={request.requestedBy}
            nextVersion={(request.baseVersion ?? 0) + 1}
            laterChanges={request.laterChanges.length}
            canApprove={current}
          />
        ) : null}
        {pending && mine ? (
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
            <WithdrawRequestButton id={request.id} />
            <p className="text-sm text-zinc-600">An owner or admin reviews it; you get a notification and an email with their answer.</p>
          </div>
        ) : null}
        {pending && !mine && !can(ctx.role, "publish") ? <p className="text-sm text-zinc-600">An owner or admin reviews it.</p> : null}
      </div>
    </>
  );
}
