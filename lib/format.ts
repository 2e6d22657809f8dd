/**
 * Dates as the dashboard shows them, in the viewer's locale and time zone, naming the zone
 * ("30 Nov 2026, 04:07 CET"). Every formatter takes the viewer's `DateStyle`: on the server from
 * `viewerDateStyle()` (lib/date-style.ts: the browser's zone, remembered in a cookie, and the
 * Accept-Language locale), in client components from `useDateStyle()` (components/date-style.tsx).
 * Without one (emails, messages for someone else) it is UTC in British day-month order, saying so.
 */
export type DateStyle = { locale: string; timeZone: string };

export const UTC_STYLE: DateStyle = { locale: "en-GB", timeZone: "UTC" };

/** The cookie in which the dashboard remembers the browser's time zone (components/date-style.tsx). */
export const TIME_ZONE_COOKIE = "tailor_tz";

/** A style from untrusted parts (a cookie, a header): anything Intl doesn't know falls back to UTC / en-GB. */
export function resolveDateStyle(locale: string | null | undefined, timeZone: string | null | undefined): DateStyle {
  const style = { ...UTC_STYLE };
  if (locale && locale.length <= 35) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(locale);
      if (supported) style.locale = supported;
    } catch {
      // not a locale tag
    }
  }
  if (timeZone && timeZone.length <= 64) {
    try {
      style.timeZone = new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
    } catch {
      // not a time zone
    }
  }
  return style;
}

type Value = Date | string | number;
const asDate = (value: Value) => (value instanceof Date ? value : new Date(value));

export function formatDateTime(value: Value | null | undefined, { seconds = false, style = UTC_STYLE }: { seconds?: boolean; style?: DateStyle } = {}): string {
  if (value === null || value === undefined) return "—";
  return asDate(value).toLocaleString(style.locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    timeZone: style.timeZone,
    timeZoneName: "short",
  });
}

/** A time of day for messages about the next few minutes ("14:03:07 UTC"). */
export function formatTime(value: Date, style: DateStyle = UTC_STYLE): string {
  return value.toLocaleTimeString(style.locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: style.timeZone, timeZoneName: "short" });
}

/** A day without the time ("29 Nov"), for short lists. */
export function formatDay(value: Date, style: DateStyle = UTC_STYLE): string {
  return value.toLocaleDateString(style.locale, { month: "short", day: "numeric", timeZone: style.timeZone });
}

/** How long ago, in words ("just now", "2 min ago", "3 h ago", "4 days ago"); older than 30 days: the date. */
export function formatAgo(value: Date, now: Date = new Date(), style: DateStyle = UTC_STYLE): string {
  const seconds = Math.max(0, Math.round((now.getTime() - value.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days <= 30) return days === 1 ? "yesterday" : `${days} days ago`;
  return formatDateTime(value, { style });
}
