import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { requireCapability } from "@/lib/auth/guard";
import { getFlowBuilderOptions } from "@/lib/builder-options/flows";
import { NewFlowForm } from "../_components/islands";

export const metadata: Metadata = { title: "New flow" };

export default async function NewFlowPage() {
  const ctx = await requireCapability("flows:edit");
  const { questions } = await getFlowBuilderOptions(ctx.workspaceId);
  return (
    <>
      <BackLink href="/flows">Flows</BackLink>
      <PageHeader title="New flow" description="Start with one question; add messages, calls to action and branches in the editor. It stays off until you turn it on and publish." />
      <NewFlowForm questions={questions} />
    </>
  );
}
