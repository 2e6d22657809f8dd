import { IntentLink as Link } from "@/components/intent-link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { can, type Role } from "@/lib/auth/permissions";
import { getConnectionHealth, healthTone } from "@/lib/intercom-integration/health";
import { syncToday } from "@/lib/sync/today";
import { siteActivity } from "@/lib/website/activity";
import { startOfUtcDay, visitorsToday } from "@/lib/website/today";

const number = (n: number) => n.toLocaleString("en-GB");

function Figure({ label, value, detail, href, linkText, tone }: { label: string; value: ReactNode; detail?: ReactNode; href?: string; linkText?: string; tone?: "warning" | "danger" }) {
  return (
    <div className="rounded-md border border-zinc-200 p-3">
      <dt className="text-xs font-medium text-zinc-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "danger" ? "text-red-700" : tone === "warning" ? "text-amber-800" : "text-zinc-900"}`}>{value}</dd>
      {detail ? <dd className="text-xs text-zinc-600">{detail}</dd> : null}
      {href ? (
        <dd className="mt-1 text-xs">
          <Link href={href} className="font-medium text-brand-700 hover:underline">
            {linkText}
            <span className="sr-only"> ({label})</span> →
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

/** Today's numbers (since midnight UTC): what the website did, and how writing to Intercom went. */
export async function TodayFigures({ workspaceId, role }: { workspaceId: string; role: Role }) {
  const now = new Date();
  const [visitors, site, sync] = await Promise.all([visitorsToday(workspaceId, now), siteActivity(workspaceId, now), syncToday(workspaceId, startOfUtcDay(now))]);
  const writes = sync.writesOk + sync.writesFailed;
  const rate = writes === 0 ? null : Math.round((sync.writesOk / writes) * 100);
  const canDebug = can(role, "debug:read");
  return (
    <Card aria-labelledby="today-title">
      <CardTitle id="today-title">Today</CardTitle>
      <p className="text-xs text-zinc-600">Since midnight UTC.</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Figure label="Identified visitors" value={number(visitors.identified)} href={canDebug ? "/debug" : undefined} linkText="Look one up" />
        <Figure label="Decisions" value={number(site.decisionsToday)} detail="Pages personalized or checked" href="/personalizations" linkText="Personalizations" />
        <Figure label="Answers" value={number(visitors.answers)} detail="Questions answered on your site" href="/flows" linkText="Flows" />
        <Figure
          label="Writes to Intercom"
          value={rate === null ? "—" : `${rate}%`}
          detail={writes === 0 ? "No writes yet today" : `${number(sync.writesOk)} of ${number(writes)} attempts succeeded`}
          tone={rate !== null && rate < 90 ? "warning" : undefined}
          href="/integrations/intercom/sync-log"
          linkText="Sync log"
        />
        <Figure label="Pending writes" value={number(sync.pending)} detail="Queued for Intercom" href="/integrations/intercom/sync-log" linkText="Sync log" />
        <Figure
          label="Dead-lettered writes"
          value={number(sync.dead)}
          detail={sync.dead > 0 ? "Gave up after retries; retry from the sync log" : "None given up on"}
          tone={sync.dead > 0 ? "danger" : undefined}
          href="/integrations/intercom/sync-log"
          linkText="Sync log"
        />
      </dl>
    </Card>
  );
}

/** The Intercom connection's state and mappings Intercom no longer accepts (drift). */
export async function IntercomState({ workspaceId }: { workspaceId: string }) {
  const [health, sync] = await Promise.all([getConnectionHealth(workspaceId), syncToday(workspaceId, startOfUtcDay(new Date()))]);
  return (
    <Card aria-labelledby="intercom-health-title">
      <CardTitle id="intercom-health-title">Intercom</CardTitle>
      <p className="mt-3">
        <Badge tone={healthTone[health.state]} data-testid="connection-health">
          {health.label}
        </Badge>
      </p>
      {health.detail ? <p className="mt-2 text-sm text-zinc-600">{health.detail}</p> : null}
      {health.state === "not_connected" ? null : (
        <p className="mt-2 text-sm" data-testid="drift">
          {sync.drifted === 0 ? (
            <span className="text-zinc-600">Every mapped field is still accepted by Intercom.</span>
          ) : (
            <Link href="/integrations/intercom/mapping" className="font-medium text-amber-800 underline">
              {sync.drifted === 1 ? "1 mapping no longer matches Intercom" : `${sync.drifted} mappings no longer match Intercom`}
            </Link>
          )}
        </p>
      )}
      <Link className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline" href="/integrations/intercom">
        {health.state === "not_connected" ? "Connect Intercom →" : "Open Intercom settings →"}
      </Link>
    </Card>
  );
}
