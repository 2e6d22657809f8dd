// CSV export of a personalization's results. Every cell is quoted, and a cell a spreadsheet would
// read as a formula (= + - @, tab, carriage return) is prefixed with ' (OWASP's CSV injection advice):
// variant names are typed by users.
import type { PersonalizationResults } from "./results";

export function csvCell(value: string | number | null): string {
  if (value === null) return '""';
  const text = typeof value === "number" ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

const fixed = (x: number | null, digits = 4) => (x === null ? null : Number(x.toFixed(digits)));

/** Totals per arm, then one row per day and arm. */
export function resultsCsv(name: string, results: PersonalizationResults): string {
  const rows: (string | number | null)[][] = [
    ["personalization", "goal", "from", "to", "arm", "day", "visitors", "impressions", "conversions", "conversion_rate", "lift_vs_holdout", "lift_low_95", "lift_high_95"],
  ];
  for (const a of results.arms) {
    rows.push([name, results.goal, results.from, results.to, a.label, "total", a.visitors, a.impressions, a.conversions, fixed(a.rate), fixed(a.lift?.lift ?? null), fixed(a.lift?.low ?? null), fixed(a.lift?.high ?? null)]);
  }
  const labels = new Map(results.arms.map((a) => [a.arm, a.label]));
  for (const d of results.days) {
    for (const [arm, counts] of Object.entries(d.arms)) {
      rows.push([name, results.goal, results.from, results.to, labels.get(arm) ?? arm, d.day, counts.visitors, null, counts.conversions, null, null, null, null]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
