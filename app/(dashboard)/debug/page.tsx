import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getConnectionView } from "@/lib/intercom-integration/connection";
import { writeBackOffReason } from "@/lib/intercom-integration/health";
import { DebugPanel } from "./_components/islands";

export const metadata: Metadata = { title: "Debug" };

export default async function DebugPage() {
  const ctx = await requireCapability("debug:read");
  const connection = await getConnectionView(ctx.workspaceId);
  return (
    <>
      <PageHeader
        title="Debug"
        description="Check one contact end to end: what Tailor reads from Intercom, how the live rules decide, and whether a test write lands."
      />
      {connection.status === "not_connected" ? (
        <Card aria-labelledby="not-connected-title" className="max-w-xl">
          <CardTitle id="not-connected-title">Intercom is not connected</CardTitle>
          <CardDescription>There is no Intercom data to look at until the workspace connects Intercom.</CardDescription>
          <Link href="/integrations/intercom" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            Go to Integrations → Intercom
          </Link>
        </Card>
      ) : (
        <>
          {connection.status === "needs_attention" ? (
            <Alert tone="error" className="mb-4">
              Intercom needs attention: {connection.reason ?? "the connection stopped working."}{" "}
              <Link href="/integrations/intercom" className="font-medium underline">
                Reconnect in Integrations → Intercom
              </Link>
            </Alert>
          ) : null}
          <DebugPanel
            canWrite={can(ctx.role, "debug:write-test")}
            writeBlocked={await writeBackOffReason(ctx.workspaceId)}
            connection={{ region: connection.region, appName: connection.appName, status: connection.status }}
            viewer={ctx.email}
          />
        </>
      )}
    </>
  );
}
