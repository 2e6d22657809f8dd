import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { can, roleLabels } from "@/lib/auth/permissions";
import { listAudit } from "@/lib/audit";
import { describeAudit } from "@/lib/audit-text";
import { getIdentitySettings } from "@/lib/identity/settings";
import { Badge } from "@/components/ui/badge";
import { getConnectionHealth, healthTone } from "@/lib/intercom-integration/health";
import { navFor } from "@/lib/nav";
import { formatDay } from "@/lib/format";
import { OverviewResults } from "@/components/analytics/overview-results";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await requireCapability("workspace:read");
  const sections = navFor(ctx.role).filter((item) => item.href !== "/overview");
  const activity = can(ctx.role, "audit:read") ? await listAudit(ctx.workspaceId, { limit: 8 }) : null;
  const verificationOff = (await getIdentitySettings(ctx.workspaceId)).policy === "off";
  const intercom = can(ctx.role, "integrations:read") ? await getConnectionHealth(ctx.workspaceId) : null;
  return (
    <>
      <PageHeader
        title={`Welcome, ${ctx.name.split(" ")[0]}`}
        description={`You are signed in to ${ctx.workspaceName} as ${roleLabels[ctx.role].toLowerCase()}.`}
      />
      {verificationOff ? (
        <Alert tone="error" className="mb-4">
          <span>
            Identity verification is off for your website: any visitor can claim any email, see that contact&apos;s personalization and write
            into their Intercom contact.{" "}
            {can(ctx.role, "website:manage") ? (
              <Link className="font-medium underline" href="/settings/website">
                Turn it on in Website settings
              </Link>
            ) : (
              "Ask an admin to turn it on in Website settings."
            )}
          </span>
        </Alert>
      ) : null}
      <OverviewResults workspaceId={ctx.workspaceId} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card aria-labelledby="sections-title">
          <CardTitle id="sections-title">Your sections</CardTitle>
          {sections.length === 0 ? (
            <CardDescription>Nothing else to set up for your role yet.</CardDescription>
          ) : (
            <ul className="mt-3 space-y-2 text-sm">
              {sections.map((s) => (
                <li key={s.href}>
                  <Link className="font-medium text-brand-700 hover:underline" href={s.href}>
                    {s.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {intercom ? (
          <Card aria-labelledby="intercom-health-title">
            <CardTitle id="intercom-health-title">Intercom</CardTitle>
            <p className="mt-3">
              <Badge tone={healthTone[intercom.state]} data-testid="connection-health">
                {intercom.label}
              </Badge>
            </p>
            {intercom.detail ? <CardDescription className="mt-2">{intercom.detail}</CardDescription> : null}
            <Link className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline" href="/integrations/intercom">
              {intercom.state === "not_connected" ? "Connect Intercom →" : "Open Intercom settings →"}
            </Link>
          </Card>
        ) : null}
        {activity ? (
          <Card aria-labelledby="activity-title">
            <CardTitle id="activity-title">Recent activity</CardTitle>
            {activity.length === 0 ? (
              <CardDescription>No activity yet. Changes to members and integrations show up here.</CardDescription>
            ) : (
              <ul className="mt-3 space-y-2 text-sm">
                {activity.map((entry) => (
                  <li key={entry.id} className="flex justify-between gap-3">
                    <span>{describeAudit(entry)}</span>
                    <time className="shrink-0 text-zinc-500" dateTime={entry.createdAt.toISOString()}>
                      {formatDay(entry.createdAt)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
