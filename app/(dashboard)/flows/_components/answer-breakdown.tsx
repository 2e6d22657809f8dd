import type { AnalyticsRow } from "@/lib/flows/builder-analytics";
import { percent } from "@/lib/flows/builder-analytics";

export type AnswerBreakdownItem = { row: AnalyticsRow; labels: ReadonlyMap<string, string> };

/** What visitors answered at each question step: distinct visitors per answer, as text with a decorative bar. */
export function AnswerBreakdown({ items }: { items: AnswerBreakdownItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="answers-title" className="rounded-lg border border-zinc-200 bg-white p-5 shadow-xs">
      <h2 id="answers-title" className="text-base font-semibold">
        Answers
      </h2>
      <p className="mt-1 text-sm text-zinc-600">Visitors who answered in this flow, by answer. A multi-choice answer counts for each choice.</p>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        {items.map(({ row, labels }) => {
          const total = row.progressed;
          const max = Math.max(1, ...row.answers.map((a) => a.visitors));
          return (
            <div key={row.stepId}>
              <h3 className="text-sm font-medium break-words">{row.label}</h3>
              <ul className="mt-2 space-y-2" aria-label={`Answers to ${row.label}`}>
                {row.answers.map((answer) => (
                  <li key={answer.key} className="text-sm">
                    <span className="flex items-baseline justify-between gap-2">
                      <span className="break-words">{labels.get(answer.key) ?? answer.key}</span>
                      <span className="shrink-0 tabular-nums text-zinc-600">
                        {answer.visitors} <span className="text-zinc-500">({percent(answer.visitors, total)})</span>
                      </span>
                    </span>
                    <span className="mt-1 block h-2 rounded-sm bg-zinc-100" aria-hidden>
                      <span className="block h-2 rounded-sm bg-brand-600" style={{ width: `${(answer.visitors / max) * 100}%` }} />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
