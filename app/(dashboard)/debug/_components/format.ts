import { formatValue } from "@/lib/debug/plan";
import type { ScalarValue } from "@/lib/debug/types";
import { formatDateTime as formatDate } from "@/lib/format";

/** A moment in the panel, to the second (Intercom's timestamps are what is being debugged). */
export function formatDateTime(iso: string | null): string {
  return formatDate(iso, { seconds: true });
}

/** An attribute value for display; Intercom dates (Unix seconds) also get a readable form. */
export function displayValue(value: ScalarValue | undefined, dataType: string | null): string {
  if (dataType === "date" && typeof value === "number") return `${formatDateTime(new Date(value * 1000).toISOString())} (${value})`;
  return formatValue(value);
}
