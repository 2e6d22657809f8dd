import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listVersions } from "@/lib/publishing/versions";
import { RestoreVersionButton } from "../_components/islands";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/components/empty-state";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Published versions" };

const SHOWN_CHANGES = 5;


export default async function VersionsPage() {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("personalizations:read");
  const versions = await listVersions(ctx.workspaceId);
  const canPublish = can(ctx.role, "publish");
  const latest = versions[0]?.version;
  return (
    <>
      <BackLink href="/personalizations">Personalizations</BackLink>
      <PageHeader
        title="Published versions"
        description="Every publish is kept. Restoring an old version publishes its content again as a new version."
      />
      {versions.length === 0 ? (
        <EmptyState title="Nothing published yet">Your site shows its own content until the first publish.</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label="Versions, newest first">
          {versions.map((v) => (
            <li key={v.id}>
              <Card aria-labelledby={`version-${v.version}`} compact>
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <h2 className="flex flex-wrap items-center gap-2 font-semibold">
                      <span id={`version-${v.version}`}>v{v.version}</span>
                      {v.version === latest ? <Badge tone="success">Live</Badge> : null}
                      {v.restoredFromVersion !== null ? <Badge tone="info">Restored from v{v.restoredFromVersion}</Badge> : null}
                    </h2>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-sm text-zinc-600">
                      {v.authors && v.authors.length > 0 ? (
                        <>
                          <dt>{v.restoredFromVersion !== null ? "Restored by" : "Changes by"}</dt>
                          <dd className="min-w-0 break-words text-zinc-800">{v.authors.join(", ")}</dd>
                        </>
                      ) : null}
                      <dt>Published by</dt>
                      <dd className="min-w-0 break-words text-zinc-800">
                        {v.publishedBy ?? "A former member"}, {formatDateTime(v.publishedAt, { style: dateStyle })}
                      </dd>
                    </dl>
                  </div>
                  {canPublish && v.version !== latest ? <RestoreVersionButton version={v.version} nextVersion={(latest ?? 0) + 1} /> : null}
                </div>
                {v.changes.length === 0 ? (
                  <p className="mt-3 text-sm text-zinc-600">No changes.</p>
                ) : (
                  <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-800" aria-label={`Changes in v${v.version}`}>
                    {v.changes.slice(0, SHOWN_CHANGES).map((line, i) => (
                      <li key={i} className="break-words">
                        {line}
                      </li>
                    ))}
                  </ul>
                )}
                {v.changes.length > SHOWN_CHANGES ? (
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer pl-5 text-brand-700">{v.changes.length - SHOWN_CHANGES} more changes</summary>
                    <ul className="mt-1 list-disc space-y-1 pl-5 text-zinc-800">
                      {v.changes.slice(SHOWN_CHANGES).map((line, i) => (
                        <li key={i} className="break-words">
                          {line}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </Card>
            </li>
          ))}
        </ol>
      )}
      {!canPublish && versions.length > 0 ? <p className="mt-4 text-sm text-zinc-600">An owner or admin can restore an older version.</p> : null}
    </>
  );
}
