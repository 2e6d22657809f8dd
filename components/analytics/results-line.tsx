import type { ResultsSummary } from "@/lib/analytics/results";
import { formatCount, formatLift } from "@/lib/analytics/format";

/** The compact result of one personalization (last 30 days): best variant's lift vs the holdout, or why there is none. */
export function ResultsLine({ summary }: { summary: ResultsSummary | undefined }) {
  if (!summary || summary.visitors === 0) return <span className="text-zinc-500">No visitors yet</span>;
  const visitors = `${formatCount(summary.visitors)} visitors`;
  const { best } = summary;
  if (!best?.verdict || !best.lift || best.verdict.tone === "waiting") {
    return <span className="text-zinc-600">{visitors} · {summary.holdout ? "not enough data yet" : "no holdout"}</span>;
  }
  const tone = best.verdict.tone === "winning" ? "text-emerald-700" : best.verdict.tone === "losing" ? "text-red-700" : "text-zinc-700";
  return (
    <span className="text-zinc-600">
      {visitors} · {best.label}: <span className={`font-medium ${tone}`}>{formatLift(best.lift.lift)}</span> vs holdout
      {best.verdict.tone === "unclear" ? " (not yet clear)" : ""}
    </span>
  );
}
