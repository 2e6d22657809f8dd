import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getConnectionView } from "@/lib/intercom-integration/connection";
import { regionLabels } from "@/lib/intercom-integration/schema";
import { driftSummary } from "@/lib/intercom-integration/mapping-rules";
import { getMappingHealth } from "@/lib/intercom-integration/mappings";
import { describeFailures, getConnectionHealth, healthTone } from "@/lib/intercom-integration/health";
import { ConnectIntercomForm, ConnectionActions } from "./_components/islands";
import { formatDateTime } from "@/lib/format";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Intercom" };


export default async function IntercomPage() {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("integrations:read");
  const view = await getConnectionView(ctx.workspaceId);
  const canConnect = can(ctx.role, "integrations:connect");
  const health = await getMappingHealth(ctx.workspaceId);
  const drift = driftSummary(health.drifted);
  const connection = await getConnectionHealth(ctx.workspaceId);
  return (
    <>
      <BackLink href="/integrations">Integrations</BackLink>
      <PageHeader
        title="Intercom"
        description="Tailor reads tags and custom attributes of identified visitors' Intercom contacts, and writes segment answers back."
        actions={
          <Badge className="shrink-0 whitespace-nowrap" tone={healthTone[connection.state]} data-testid="connection-health">
            {connection.label}
          </Badge>
        }
      />
      {view.status === "not_connected" ? (
        canConnect ? (
          <Card className="max-w-xl" aria-labelledby="connect-title">
            <CardTitle id="connect-title">Connect Intercom</CardTitle>
            <CardDescription>Tailor checks the token with Intercom before saving it. It is stored encrypted and never shown again.</CardDescription>
            <ConnectIntercomForm mode="connect" />
          </Card>
        ) : (
          <Alert>Intercom is not connected. An owner, admin or marketer can connect it.</Alert>
        )
      ) : (
        <div className="space-y-4">
          {connection.detail ? <Alert tone={connection.state === "needs_attention" ? "error" : "warning"}>{connection.detail}</Alert> : null}
          <Card aria-labelledby="connection-title">
            <CardTitle id="connection-title">Connection</CardTitle>
            <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Detail term="Intercom workspace" value={`${view.appName} (${view.appId})`} />
              <Detail term="Region" value={regionLabels[view.region]} />
              <Detail term="Access token" value={`•••• ${view.tokenHint}`} />
              <Detail term="Connected by" value={`${view.connectedBy ?? "a former member"}, ${formatDateTime(view.connectedAt, { style: dateStyle })}`} />
              <Detail term="Last verified" value={formatDateTime(view.verifiedAt, { style: dateStyle })} />
              <Detail
                term="Token can"
                value={
                  connection.canWrite === null
                    ? "Not checked yet"
                    : [
                        "read contacts",
                        connection.canWrite ? "write contacts" : "not write contacts (write-back is off)",
                        connection.canCreateAttributes ? "create attributes" : connection.canCreateAttributes === false ? "not create attributes" : null,
                      ]
                        .filter(Boolean)
                        .join(", ")
                }
              />
              <Detail term="Last successful read" value={connection.lastReadOkAt ? formatDateTime(connection.lastReadOkAt, { style: dateStyle }) : "None yet"} />
              <Detail term="Last successful write" value={connection.lastWriteOkAt ? formatDateTime(connection.lastWriteOkAt, { style: dateStyle }) : "None yet"} />
              <Detail term="Errors since the last success" value={describeFailures(connection.failures) || "None"} />
            </dl>
            {canConnect ? (
              <ConnectionActions region={view.region} appName={view.appName} />
            ) : (
              <p className="mt-4 text-sm text-zinc-600">You can view this connection. An owner, admin or marketer can change it.</p>
            )}
          </Card>
          <Card aria-labelledby="mapping-title">
            <CardTitle id="mapping-title">Field mapping</CardTitle>
            <CardDescription>
              Which segment answers Tailor writes to which Intercom contact field.{" "}
              {health.total === 0
                ? "No mappings yet."
                : `${health.total} ${health.total === 1 ? "mapping" : "mappings"}, ${health.enabled} enabled${health.drifted.length > 0 ? `, ${health.drifted.length} excluded from syncing` : ""}.`}
              {connection.canWrite === false ? " Write-back is off while the token is read-only." : ""}
            </CardDescription>
            {drift ? <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{drift}</p> : null}
            <Link href="/integrations/intercom/mapping" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
              {can(ctx.role, "mappings:edit") ? "Edit field mapping →" : "View field mapping →"}
            </Link>
          </Card>
          <Card aria-labelledby="events-title">
            <CardTitle id="events-title">Data events</CardTitle>
            <CardDescription>Which website behaviours (flows, page visits, Tailor.track, variants seen) become Intercom events.</CardDescription>
            <Link href="/integrations/intercom/events" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
              {can(ctx.role, "mappings:edit") ? "Edit data events →" : "View data events →"}
            </Link>
          </Card>
          {can(ctx.role, "sync:read") ? (
            <Card aria-labelledby="sync-title">
              <CardTitle id="sync-title">Sync log</CardTitle>
              <CardDescription>What Tailor wrote to Intercom, what is queued or waiting for identification, and why a write failed.</CardDescription>
              <Link href="/integrations/intercom/sync-log" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
                Open the sync log →
              </Link>
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-zinc-500">{term}</dt>
      <dd className="font-medium text-zinc-900">{value}</dd>
    </div>
  );
}
