import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { DebugContactView, PersonalizationTrace } from "@/lib/debug/types";
import { VariantTrace } from "@/components/rules/variant-trace";

export function RuleTraces({ rules }: { rules: DebugContactView["rules"] }) {
  return (
    <Card aria-labelledby="rules-title">
      <CardTitle id="rules-title">Audience rules, flows and merge tags</CardTitle>
      <CardDescription>
        {rules.liveVersion === null
          ? "Nothing is published yet, so the website shows no personalization."
          : `The live configuration (version ${rules.liveVersion}) evaluated for this contact. `}
        {rules.liveVersion === null
          ? null
          : rules.segmentsFrom
            ? `Segment conditions use the answers of ${rules.segmentsFrom}.`
            : "No linked visitor has answered a question, so segment conditions see no answers."}
        {rules.liveVersion !== null && rules.fromIntercom.length > 0
          ? ` From this contact's mapped Intercom fields they also see ${rules.fromIntercom.join("; ")}.`
          : null}
      </CardDescription>
      {rules.personalizations.length > 0 ? (
        <ul className="mt-4 space-y-4">
          {rules.personalizations.map((p) => (
            <PersonalizationResult key={p.placementKey} trace={p} />
          ))}
        </ul>
      ) : null}
      {rules.flows.length > 0 ? (
        <ul className="mt-4 space-y-2" aria-label="Flows">
          {rules.flows.map((flow) => (
            <li key={flow.key} className="rounded-md border border-zinc-200 p-4 text-sm" aria-label={`Flow ${flow.name}`}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">Flow “{flow.name}”</span>
                <code className="font-mono text-xs text-zinc-500">{flow.key}</code>
                <Badge tone={flow.offered && flow.startsAt ? "success" : "neutral"}>
                  {!flow.offered ? "Not offered: audience doesn't match" : flow.startsAt ? `Starts at ${flow.startsAt}` : "Nothing left to ask"}
                </Badge>
              </p>
              {flow.offered && flow.skipped.length > 0 ? (
                <p className="mt-1 text-zinc-600">Skips {flow.skipped.join(", ")}: the answer is already known.</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

function PersonalizationResult({ trace }: { trace: PersonalizationTrace }) {
  return (
    <li className="rounded-md border border-zinc-200 p-4" aria-label={`Personalization ${trace.name}`}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{trace.name}</span>
        <code className="font-mono text-xs text-zinc-500">{trace.placementKey}</code>
        <Badge tone={trace.winner ? "success" : "neutral"}>{trace.winner ? `Sees variant “${trace.winner}”` : "Sees the default content"}</Badge>
      </p>
      {trace.holdout ? <p className="mt-1 text-sm text-zinc-700">{trace.holdout}</p> : null}
      {trace.variants.length > 0 ? (
        <ol className="mt-3 space-y-2">
          {trace.variants.map((v, i) => (
            <VariantTrace key={v.id} variant={v} position={i + 1} />
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-zinc-600">No variants: everyone sees the default content.</p>
      )}
      {trace.contents.length > 0 ? (
        <div className="mt-3">
          <h4 className="mb-1.5 text-sm font-medium">Merge tags for this contact</h4>
          <ul aria-label={`Merge tags of ${trace.name}`} className="divide-y divide-zinc-100 rounded-md border border-zinc-200 text-sm">
            {trace.contents.flatMap((c) =>
              c.tags.map((tag, i) => (
                <li key={`${c.label}-${i}`} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-center sm:gap-3">
                  <span className="shrink-0 text-xs text-zinc-500">{c.label}</span>
                  <code className="break-all font-mono text-xs text-zinc-700">{tag.expression}</code>
                  <span className="min-w-0 break-all">→ {tag.value === "" ? <em className="text-zinc-500">empty</em> : tag.value}</span>
                  <span className="flex gap-1 sm:ml-auto">
                    {tag.usedFallback ? <Badge tone="warning">fallback used</Badge> : null}
                    {c.shown ? <Badge tone="success">shown</Badge> : null}
                  </span>
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
