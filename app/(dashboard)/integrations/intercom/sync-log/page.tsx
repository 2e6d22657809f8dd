import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getSyncLog } from "@/lib/sync/log";
import { SyncLogView } from "./_components/islands";

export const metadata: Metadata = { title: "Sync log" };

export default async function SyncLogPage() {
  const ctx = await requireCapability("sync:read");
  const initial = await getSyncLog(ctx.workspaceId);
  return (
    <>
      <BackLink href="/integrations/intercom">Intercom</BackLink>
      <PageHeader
        title="Sync log"
        description="Every write of segment answers to Intercom: what was sent, what Intercom answered, and what is still queued."
      />
      <SyncLogView initial={initial} canRetry={can(ctx.role, "sync:retry")} />
    </>
  );
}
