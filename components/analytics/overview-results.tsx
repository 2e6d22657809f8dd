import Link from "next/link";
import { resultsSummaries } from "@/lib/analytics/results";
import { listPersonalizations } from "@/lib/personalizations/personalizations";
import { getLiveConfig } from "@/lib/publishing/versions";
import { ResultsLine } from "./results-line";

/** The Overview's block: each live personalization's result over the last 30 days, linked to its results page. */
export async function OverviewResults({ workspaceId }: { workspaceId: string }) {
  const live = (await getLiveConfig(workspaceId)).snapshot.personalizations;
  if (live.length === 0) return null;
  const [summaries, drafts] = await Promise.all([resultsSummaries(workspaceId, live), listPersonalizations(workspaceId)]);
  const idsByPlacement = new Map(drafts.map((d) => [d.placementKey, d.id]));
  return (
    <section aria-labelledby="overview-results-title" className="rounded-lg border border-zinc-200 bg-white p-5">
      <h2 id="overview-results-title" className="font-semibold">
        Personalization results <span className="text-sm font-normal text-zinc-600">· last 30 days</span>
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {live.map((p) => {
          const id = idsByPlacement.get(p.placementKey);
          return (
            <li key={p.placementKey} className="flex flex-wrap justify-between gap-x-4 gap-y-1">
              {id ? (
                <Link href={`/personalizations/${id}/results`} className="font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>
              ) : (
                <span className="font-medium">{p.name}</span>
              )}
              <ResultsLine summary={summaries.get(p.placementKey)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
