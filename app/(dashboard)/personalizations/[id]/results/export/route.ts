import { requireCapability } from "@/lib/auth/guard";
import { resultsCsv } from "@/lib/analytics/csv";
import { parseRange, personalizationResults, resultsSubject } from "@/lib/analytics/results";
import { orNotFound } from "@/lib/not-found";
import { getPersonalization } from "@/lib/personalizations/personalizations";
import { getLiveConfig } from "@/lib/publishing/versions";

// The results page's numbers as CSV (escaped against formula injection), for the signed-in workspace only.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCapability("personalizations:read");
  const { id } = await params;
  const range = parseRange(new URL(request.url).searchParams.get("range"));
  const [personalization, live] = await Promise.all([orNotFound(getPersonalization(ctx.workspaceId, id)), getLiveConfig(ctx.workspaceId)]);
  const published = live.snapshot.personalizations.find((p) => p.placementKey === personalization.placementKey);
  const results = await personalizationResults(ctx.workspaceId, resultsSubject(personalization, published), range);
  const filename = `${personalization.placementKey}-results-${range}.csv`;
  return new Response(resultsCsv(personalization.name, results), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}
