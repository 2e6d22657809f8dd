import { formatValue } from "@/lib/debug/plan";
import type { ScalarValue } from "@/lib/debug/types";
import { formatDateTime as formatDate, type DateStyle } from "@/lib/format";

/** A moment in the panel, to the second (Intercom's timestamps are what is being debugged). */
export function formatDateTime(iso: string | null, style: DateStyle): string {
  return formatDate(iso, { seconds: true, style });
}

/** An attribute value for display; Intercom dates (Unix seconds) also get a readable form. */
export function displayValue(value: ScalarValue | undefined, dataType: string | null, style: DateStyle): string {
  if (dataType === "date" && typeof value === "number") return `${formatDateTime(new Date(value * 1000).toISOString(), style)} (${value})`;
  return formatValue(value);
}
