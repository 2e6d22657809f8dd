import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { requireCapability } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getFlow } from "@/lib/flows/flows";
import { TabBar } from "@/components/tab-bar";

// Checked here, above the loading boundaries, so an unknown id (or one from another workspace)
// is a real 404 rather than a streamed 200.
export default async function FlowLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const ctx = await requireCapability("flows:read");
  const { id } = await params;
  const flow = await getFlow(ctx.workspaceId, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <BackLink href="/flows">Flows</BackLink>
      <PageHeader
        title={flow.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{flow.key}</span>
            {flow.enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
          </span>
        }
      />
      <TabBar
        label="Flow"
        className="-mt-2"
        tabs={[
          { title: "Edit", href: `/flows/${flow.id}`, exact: true },
          { title: "Analytics", href: `/flows/${flow.id}/analytics` },
        ]}
      />
      {children}
    </>
  );
}
