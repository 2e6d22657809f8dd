import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getSegmentsOverview } from "@/lib/segments/segments";
import { GroupDialog, ItemActions, QuestionDialog } from "./_components/islands";
import { EmptyState } from "@/components/empty-state";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage() {
  const ctx = await requireCapability("segments:read");
  const { groups, questions } = await getSegmentsOverview(ctx.workspaceId);
  const canEdit = can(ctx.role, "segments:edit");
  const canEditMappings = can(ctx.role, "mappings:edit");
  const groupOptions = groups.map((g) => ({ id: g.id, name: g.name, segments: g.segments.map((s) => ({ id: s.id, name: s.name })) }));
  return (
    <>
      <PageHeader
        title="Segments"
        description="Segment groups describe your visitors; questions assign segments from their answers. Integrations map them to fields."
        actions={canEdit ? <GroupDialog mode="create" /> : null}
      />
      {!canEdit ? <p className="mb-4 text-sm text-zinc-600">You can view segments. An owner, admin or marketer can change them.</p> : null}

      <section aria-labelledby="groups-title">
        <h2 id="groups-title" className="mb-3 text-base font-semibold">
          Segment groups
        </h2>
        {groups.length === 0 ? (
          <EmptyState title="No segment groups yet">
            Start with a group like “Role” (Founder, Marketer, Developer).
          </EmptyState>
        ) : (
          <ol className="space-y-3">
            {groups.map((g, i) => (
              <li key={g.id}>
                <Card aria-labelledby={`group-${g.id}`} compact>
                  <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <h3 id={`group-${g.id}`} className="font-semibold">
                        {g.name} <span className="ml-1 font-mono text-xs font-normal text-zinc-500">{g.key}</span>
                      </h3>
                      <p className="mt-1 flex flex-wrap gap-1.5">
                        <Badge tone="info">{g.selection === "single" ? "Single-select" : "Multi-select"}</Badge>
                        {g.kind === "numeric_bucket" ? <Badge tone="info">Numeric buckets</Badge> : null}
                      </p>
                      <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={`Segments of ${g.name}`}>
                        {g.segments.map((s) => (
                          <li key={s.id} className="rounded-md border border-zinc-200 bg-zinc-50 px-2 py-1 text-sm">
                            {s.name}
                            {s.numericValue !== null ? <span className="ml-1 text-zinc-500">= {s.numericValue}</span> : null}
                            <span className="ml-1 font-mono text-xs text-zinc-500">{s.key}</span>
                          </li>
                        ))}
                      </ul>
                      {g.usedBy.length > 0 ? <p className="mt-2 text-xs text-zinc-600">Used by: {g.usedBy.join(" · ")}</p> : null}
                    </div>
                    {canEdit ? (
                      <div className="flex shrink-0 items-center gap-1">
                        <GroupDialog mode="edit" group={g} />
                        <ItemActions
                          kind="group"
                          id={g.id}
                          name={g.name}
                          usedBy={g.usedBy}
                          isFirst={i === 0}
                          isLast={i === groups.length - 1}
                          blocked={g.isMapped && !canEditMappings}
                        />
                      </div>
                    ) : null}
                  </div>
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="questions-title" className="mt-8">
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id="questions-title" className="text-base font-semibold">
            Questions
          </h2>
          {canEdit && groups.length > 0 ? <QuestionDialog mode="create" groups={groupOptions} /> : null}
        </div>
        {questions.length === 0 ? (
          <EmptyState title="No questions yet">
              {groups.length === 0 ? "Create a segment group first; each answer assigns one of its segments." : "Add a question whose answers assign segments."}
          </EmptyState>
        ) : (
          <ol className="space-y-3">
            {questions.map((q, i) => (
              <li key={q.id}>
                <Card aria-labelledby={`question-${q.id}`} compact>
                  <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <h3 id={`question-${q.id}`} className="font-semibold">
                        {q.text}
                      </h3>
                      <p className="mt-1 text-sm text-zinc-600">
                        Assigns <span className="font-medium text-zinc-800">{q.groupName}</span>
                        <span className="ml-1 font-mono text-xs text-zinc-500">{q.key}</span>
                      </p>
                      <ul className="mt-2 space-y-0.5 text-sm">
                        {q.answers.map((a) => (
                          <li key={a.id}>
                            “{a.label}” → <span className="font-medium">{a.segmentName}</span>
                          </li>
                        ))}
                      </ul>
                      {q.usedBy.length > 0 ? <p className="mt-2 text-xs text-zinc-600">Used by: {q.usedBy.join(" · ")}</p> : null}
                    </div>
                    {canEdit ? (
                      <div className="flex shrink-0 items-center gap-1">
                        <QuestionDialog mode="edit" groups={groupOptions} question={q} />
                        <ItemActions
                          kind="question"
                          id={q.id}
                          name={q.text}
                          usedBy={q.usedBy}
                          isFirst={i === 0}
                          isLast={i === questions.length - 1}
                          blocked={q.isMapped && !canEditMappings}
                        />
                      </div>
                    ) : null}
                  </div>
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
