import { addDays } from "@/lib/analytics/days";
import type { ArmResult, DayPoint } from "@/lib/analytics/results";

export const ARM_COLORS = ["#4f46e5", "#0891b2", "#c026d3", "#ea580c", "#65a30d"];
const HOLDOUT_COLOR = "#52525b";
export const armColor = (arm: string, index: number) => (arm === "holdout" ? HOLDOUT_COLOR : ARM_COLORS[index % ARM_COLORS.length]!);

const W = 720;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/**
 * Cumulative conversion rate per arm over the range's days: server-rendered SVG (no chart library).
 * Each line is conversions so far ÷ visitors so far, so it settles as the sample grows.
 */
export function ResultsChart({ arms, days, from, to }: { arms: ArmResult[]; days: DayPoint[]; from: string; to: string }) {
  const allDays: string[] = [];
  for (let d = from; d <= to && allDays.length < 400; d = addDays(d, 1)) allDays.push(d);
  const byDay = new Map(days.map((d) => [d.day, d]));
  const lines = arms.map((arm, i) => {
    let visitors = 0;
    let conversions = 0;
    const points = allDays.map((day) => {
      const counts = byDay.get(day)?.arms[arm.arm];
      visitors += counts?.visitors ?? 0;
      conversions += counts?.conversions ?? 0;
      return visitors > 0 ? conversions / visitors : null;
    });
    return { arm, color: armColor(arm.arm, i), points };
  });
  const max = Math.max(0.01, ...lines.flatMap((l) => l.points.filter((p): p is number => p !== null)));
  const top = Math.ceil(max * 20) / 20; // a round 5 % step
  const x = (i: number) => PAD.left + (allDays.length <= 1 ? 0 : (i / (allDays.length - 1)) * (W - PAD.left - PAD.right));
  const y = (rate: number) => PAD.top + (1 - rate / top) * (H - PAD.top - PAD.bottom);
  const ticks = [0, top / 2, top];
  const summary = lines.map((l) => `${l.arm.label}: ${l.arm.rate === null ? "no visitors" : `${(l.arm.rate * 100).toFixed(1)} %`}`).join("; ");
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`Cumulative conversion rate per day, ${from} to ${to}. ${summary}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e4e4e7" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#52525b">
              {`${Math.round(t * 100)}%`}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 8} fontSize="11" fill="#52525b">
          {from}
        </text>
        <text x={W - PAD.right} y={H - 8} fontSize="11" fill="#52525b" textAnchor="end">
          {to}
        </text>
        {lines.map((l) => {
          const d = l.points
            .map((p, i) => (p === null ? null : `${x(i).toFixed(1)},${y(p).toFixed(1)}`))
            .filter(Boolean)
            .join(" L");
          return d ? <path key={l.arm.arm} d={`M${d}`} fill="none" stroke={l.color} strokeWidth={2} strokeDasharray={l.arm.arm === "holdout" ? "5 4" : undefined} /> : null;
        })}
        {/* A dot per day (up to a month), so a single day of data still shows. */}
        {allDays.length <= 31
          ? lines.map((l) => l.points.map((p, i) => (p === null ? null : <circle key={`${l.arm.arm}-${i}`} cx={x(i)} cy={y(p)} r={3} fill={l.color} />)))
          : null}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-700">
        {lines.map((l) => (
          <span key={l.arm.arm} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-0.5 w-4" style={{ backgroundColor: l.color }} />
            {l.arm.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
