import Link from "next/link";

export const RANGE_LABELS = { "7d": "Last 7 days", "30d": "Last 30 days", all: "All time" } as const;
export type TimeRange = keyof typeof RANGE_LABELS;

/** The 7 days / 30 days / all time links above an analytics page; the current one has aria-current. */
export function RangePicker({ range, hrefOf }: { range: TimeRange; hrefOf: (range: TimeRange) => string }) {
  return (
    <nav aria-label="Time range" className="flex flex-wrap gap-1">
      {(Object.keys(RANGE_LABELS) as TimeRange[]).map((r) => (
        <Link
          key={r}
          href={hrefOf(r)}
          aria-current={r === range ? "page" : undefined}
          className={
            r === range
              ? "rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white"
              : "rounded-md border border-zinc-200 bg-white px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-50"
          }
        >
          {RANGE_LABELS[r]}
        </Link>
      ))}
    </nav>
  );
}
