import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { getConnectionView } from "@/lib/intercom-integration/connection";
import { driftSummary } from "@/lib/intercom-integration/mapping-rules";
import { getMappingHealth } from "@/lib/intercom-integration/mappings";
import { getConnectionHealth, healthTone } from "@/lib/intercom-integration/health";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const ctx = await requireCapability("integrations:read");
  const intercom = await getConnectionView(ctx.workspaceId);
  const health = await getMappingHealth(ctx.workspaceId);
  const drift = driftSummary(health.drifted);
  const connection = await getConnectionHealth(ctx.workspaceId);
  return (
    <>
      <PageHeader title="Integrations" description="Tools Tailor reads visitor data from and writes segment answers back to." />
      <ul className="grid gap-4 md:grid-cols-2">
        <li>
          <Card className="flex h-full flex-col" aria-labelledby="intercom-card-title">
            <div className="flex items-start justify-between gap-3">
              <div>
                <CardTitle id="intercom-card-title">Intercom</CardTitle>
                <CardDescription>Personalize with contact tags and custom attributes; sync answers back to contacts.</CardDescription>
              </div>
            </div>
            <p className="mt-4">
              <Badge tone={healthTone[connection.state]} data-testid="connection-health">
                {connection.state === "healthy" && intercom.status !== "not_connected" ? `Connected to ${intercom.appName} · ${intercom.region}` : connection.label}
              </Badge>
            </p>
            {connection.detail ? <p className="mt-2 text-sm text-zinc-700">{connection.detail}</p> : null}
            {health.total > 0 ? (
              <p className="mt-3 text-sm text-zinc-600">
                {health.total === 1 ? "1 field mapping" : `${health.total} field mappings`}
                {intercom.status === "not_connected" ? " (inactive until connected)" : ""}
              </p>
            ) : null}
            {drift ? (
              <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{drift}</p>
            ) : null}
            <div className="mt-4 flex-1" />
            <Link
              href="/integrations/intercom"
              className="self-start text-sm font-medium text-brand-700 hover:underline"
              aria-label={intercom.status === "not_connected" ? "Set up Intercom" : "Manage Intercom"}
            >
              {intercom.status === "not_connected" ? "Set up →" : "Manage →"}
            </Link>
          </Card>
        </li>
      </ul>
    </>
  );
}
