import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getRuleBuilderOptions } from "@/lib/builder-options/rules";
import { getPersonalization } from "@/lib/personalizations/personalizations";
import { PersonalizationEditor } from "../_components/islands";
import { PersonalizationTabs } from "../_components/personalization-tabs";
import { listGoals } from "@/lib/analytics/goals";
import { PlacementStatus } from "../_components/placement-status";

export const metadata: Metadata = { title: "Edit personalization" };

export default async function PersonalizationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCapability("personalizations:read");
  const { id } = await params;
  // Scoped to the signed-in workspace: another workspace's id is simply not found.
  const personalization = await getPersonalization(ctx.workspaceId, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const options = await getRuleBuilderOptions(ctx.workspaceId, can(ctx.role, "personalizations:edit") ? ctx : undefined);
  const { placementKey, name, defaultHtml, variants, holdoutPercent, primaryGoal } = personalization;
  return (
    <>
      <BackLink href="/personalizations">Personalizations</BackLink>
      <PageHeader title={name} description={<span className="font-mono text-xs">{placementKey}</span>} />
      <PersonalizationTabs id={personalization.id} />
      <PlacementStatus workspaceId={ctx.workspaceId} placementKey={placementKey} />
        <PersonalizationEditor
          key={personalization.updatedAt.toISOString()}
          id={personalization.id}
          initial={{ placementKey, name, defaultHtml, variants, holdoutPercent, primaryGoal }}
          canEdit={can(ctx.role, "personalizations:edit")}
          attributes={options.attributes}
          segmentGroups={options.segmentGroups}
          goals={await listGoals(ctx.workspaceId)}
          catalogue={options.catalogue}
        />
    </>
  );
}
