import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/intent-link";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { requireCapability } from "@/lib/auth/guard";
import { can, roleLabels } from "@/lib/auth/permissions";
import { getIdentitySettings } from "@/lib/identity/settings";
import { CardSkeleton } from "./_components/card-skeleton";
import { RecentActivity } from "./_components/recent-activity";
import { SetupChecklist } from "./_components/setup-checklist";
import { IntercomState, TodayFigures } from "./_components/today-figures";
import { OverviewResults } from "@/components/analytics/overview-results";

export const metadata: Metadata = { title: "Overview" };

// A dashboard of small server components, each streaming on its own: setup first, then today's figures.
export default async function OverviewPage() {
  const ctx = await requireCapability("workspace:read");
  const verificationOff = (await getIdentitySettings(ctx.workspaceId)).policy === "off";
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
      <div className="grid gap-4 lg:grid-cols-2">
        <Suspense fallback={<CardSkeleton label="the setup checklist" tall />}>
          <SetupChecklist workspaceId={ctx.workspaceId} role={ctx.role} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="the Intercom connection" />}>
          <IntercomState workspaceId={ctx.workspaceId} />
        </Suspense>
        <div className="lg:col-span-2">
          <Suspense fallback={<CardSkeleton label="today's figures" tall />}>
            <TodayFigures workspaceId={ctx.workspaceId} role={ctx.role} />
          </Suspense>
        </div>
        <div className="lg:col-span-2 empty:hidden">
          <Suspense fallback={<CardSkeleton label="personalization results" />}>
            <OverviewResults workspaceId={ctx.workspaceId} />
          </Suspense>
        </div>
        {can(ctx.role, "audit:read") ? (
          <Suspense fallback={<CardSkeleton label="recent activity" />}>
            <RecentActivity workspaceId={ctx.workspaceId} />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
