import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getRuleBuilderOptions } from "@/lib/builder-options/rules";
import { PersonalizationEditor } from "../_components/islands";
import { listGoals } from "@/lib/analytics/goals";

export const metadata: Metadata = { title: "New personalization" };

export default async function NewPersonalizationPage() {
  const ctx = await requireCapability("personalizations:edit");
  const options = await getRuleBuilderOptions(ctx.workspaceId, can(ctx.role, "personalizations:edit") ? ctx : undefined);
  return (
    <>
      <BackLink href="/personalizations">Personalizations</BackLink>
      <PageHeader title="New personalization" description="Saved as a draft; nothing changes on your site until it is published." />
      <PersonalizationEditor canEdit attributes={options.attributes} segmentGroups={options.segmentGroups} catalogue={options.catalogue} goals={await listGoals(ctx.workspaceId)} />
    </>
  );
}
