import type { Metadata } from "next";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getFlowBuilderOptions } from "@/lib/builder-options/flows";
import { getFlow } from "@/lib/flows/flows";
import { FlowEditor } from "../_components/islands";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Edit flow" };

export default async function FlowPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCapability("flows:read");
  const { id } = await params;
  // The layout already answered 404 for ids outside this workspace.
  const [flow, options] = await Promise.all([orNotFound(getFlow(ctx.workspaceId, id)), getFlowBuilderOptions(ctx.workspaceId, can(ctx.role, "flows:edit") ? ctx : undefined)]);
  const { key, name, enabled, audience, steps } = flow;
  return <FlowEditor id={flow.id} initial={{ key, name, enabled, audience, steps }} canEdit={can(ctx.role, "flows:edit")} options={options} />;
}
