/**
 * Dates as the dashboard shows them: British day-month order, in UTC, and saying so
 * ("29 Nov 2026, 21:47 UTC"), so every member reads the same time whatever their browser's zone.
 */
export function formatDateTime(value: Date | string | number | null | undefined, { seconds = false } = {}): string {
  if (value === null || value === undefined) return "—";
  const date = value instanceof Date ? value : new Date(value);
  return `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: seconds ? "medium" : "short", timeZone: "UTC" })} UTC`;
}

/** A day without the time ("29 Nov"), for short lists. */
export function formatDay(value: Date): string {
  return value.toLocaleDateString("en-GB", { month: "short", day: "numeric", timeZone: "UTC" });
}
