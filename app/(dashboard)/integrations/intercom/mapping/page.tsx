import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { ensureAttributesLoaded, getAttributeCache } from "@/lib/intercom-integration/attributes";
import { getConnectionView } from "@/lib/intercom-integration/connection";
import { writeBackOffReason } from "@/lib/intercom-integration/health";
import { loadMappingSources } from "@/lib/intercom-integration/mapping-sources";
import { listMappings } from "@/lib/intercom-integration/mappings";
import { conversionLabels, driftSummary } from "@/lib/intercom-integration/mapping-rules";
import { MappingForm } from "./_components/islands";

export const metadata: Metadata = { title: "Field mapping · Intercom" };

export default async function FieldMappingPage() {
  const ctx = await requireCapability("integrations:read");
  const connection = await getConnectionView(ctx.workspaceId);
  const [sources, mappings] = [await loadMappingSources(ctx.workspaceId), await listMappings(ctx.workspaceId)];
  const back = (
    <BackLink href="/integrations/intercom">Intercom</BackLink>
  );

  if (connection.status === "not_connected") {
    const labels = new Map(sources.map((s) => [s.ref, s.label]));
    return (
      <>
        {back}
        <PageHeader title="Field mapping" description="Which Tailor answers are written to which Intercom contact field." />
        <Alert>
          Intercom is not connected. <Link href="/integrations/intercom" className="font-medium underline">Connect Intercom</Link> first to
          load its attributes and edit mappings.
        </Alert>
        {mappings.length > 0 ? (
          <section aria-labelledby="inactive-title" className="mt-6">
            <h2 id="inactive-title" className="text-base font-semibold">
              Saved mappings (inactive until Intercom is connected)
            </h2>
            <ul className="mt-3 divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white text-sm">
              {mappings.map((m) => (
                <li key={m.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <span>
                    {labels.get(m.source) ?? "Deleted source"} → <span className="font-mono">{m.attribute}</span>{" "}
                    <span className="text-zinc-500">({conversionLabels[m.conversion]})</span>
                  </span>
                  <Badge>Inactive</Badge>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </>
    );
  }

  const canEdit = can(ctx.role, "mappings:edit");
  const cache: Awaited<ReturnType<typeof ensureAttributesLoaded>> = canEdit ? await ensureAttributesLoaded(ctx) : await getAttributeCache(ctx.workspaceId);
  // The load above may have just flagged or cleared drift: read the mappings again.
  const current = await listMappings(ctx.workspaceId);
  const drift = driftSummary(current.filter((m) => m.driftReason).map((m) => ({ attributeName: m.attribute, reason: m.driftReason! })));
  const writeOff = await writeBackOffReason(ctx.workspaceId);
  return (
    <>
      {back}
      <PageHeader
        title="Field mapping"
        description={`Which Tailor answers are written to which contact field in ${connection.appName}. Saved mappings form the draft configuration.`}
      />
      {writeOff ? (
        <Alert tone="warning" className="mb-4">
          {writeOff} Mappings are kept, but nothing is written to Intercom until then.
        </Alert>
      ) : null}
      {drift ? (
        <Alert tone="error" className="mb-4">
          {drift}. Those mappings are excluded from syncing until fixed.
        </Alert>
      ) : null}
      <MappingForm
        sources={sources}
        initialAttributes={{ loadedAt: cache.loadedAt, attributes: cache.attributes }}
        mappings={current}
        canEdit={canEdit}
        loadError={cache.loadError}
      />
    </>
  );
}
