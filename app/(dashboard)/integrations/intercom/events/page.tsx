import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listBehaviorRules } from "@/lib/behavior/rules";
import { EventRulesForm } from "./_components/islands";

export const metadata: Metadata = { title: "Data events · Intercom" };

export default async function DataEventsPage() {
  const ctx = await requireCapability("integrations:read");
  const rules = await listBehaviorRules(ctx.workspaceId);
  return (
    <>
      <BackLink href="/integrations/intercom">Intercom</BackLink>
      <PageHeader
        title="Data events"
        description="Which website behaviours Tailor sends to Intercom as events on the contact, for Intercom's segments, series and messages. Anonymous visitors' events wait (up to 30 days) until they are identified and verified."
      />
      <EventRulesForm rules={rules} canEdit={can(ctx.role, "mappings:edit")} />
    </>
  );
}
