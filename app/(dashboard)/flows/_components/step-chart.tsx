import type { AnalyticsRow } from "@/lib/flows/builder-analytics";

/** Views vs. moved on, per step, as plain bars. The table below holds the same numbers for screen readers. */
export function StepChart({ rows }: { rows: AnalyticsRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.views));
  const width = (n: number) => `${(n / max) * 100}%`;
  return (
    <figure className="rounded-lg border border-zinc-200 bg-white p-5 shadow-xs">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-base font-semibold">Visitors per step</span>
        <span className="flex items-center gap-3 text-xs text-zinc-600" aria-hidden>
          <span className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm bg-indigo-200" /> Views
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm bg-brand-600" /> Answered or continued
          </span>
        </span>
      </figcaption>
      <ol className="mt-4 space-y-3" aria-hidden>
        {rows.map((row) => (
          <li key={row.stepId} className="grid gap-1 sm:grid-cols-[14rem_minmax(0,1fr)] sm:items-center sm:gap-4">
            <span className="line-clamp-2 break-words text-sm text-zinc-800">
              {row.label}
            </span>
            <span className="space-y-1">
              <Bar value={row.views} width={width(row.views)} className="bg-indigo-200" />
              <Bar value={row.progressed} width={width(row.progressed)} className="bg-brand-600" />
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

function Bar({ value, width, className }: { value: number; width: string; className: string }) {
  return (
    <span className="flex items-center gap-2">
      <span className="relative h-3 flex-1 rounded-sm bg-zinc-100">
        <span className={`absolute inset-y-0 left-0 rounded-sm ${className}`} style={{ width, minWidth: value > 0 ? 4 : 0 }} />
      </span>
      <span className="w-8 text-right text-xs tabular-nums text-zinc-600">{value}</span>
    </span>
  );
}
