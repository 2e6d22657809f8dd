/**
 * Dates as the dashboard shows them: British day-month order, in UTC, and saying so
 * ("29 Nov 2026, 21:47 UTC"), so every member reads the same time whatever their browser's zone.
 */
export function formatDateTime(value: Date | string | number | null | undefined, { seconds = false } = {}): string {
  if (value === null || value === undefined) return "—";
  const date = value instanceof Date ? value : new Date(value);
  return `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: seconds ? "medium" : "short", timeZone: "UTC" })} UTC`;
}

/** A time of day for messages about the next few minutes ("14:03:07 UTC"). */
export function formatTime(value: Date): string {
  return `${value.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "UTC" })} UTC`;
}

/** A day without the time ("29 Nov"), for short lists. */
export function formatDay(value: Date): string {
  return value.toLocaleDateString("en-GB", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** How long ago, in words ("just now", "2 min ago", "3 h ago", "4 days ago"); older than 30 days: the date. */
export function formatAgo(value: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - value.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days <= 30) return days === 1 ? "yesterday" : `${days} days ago`;
  return formatDateTime(value);
}
