import { formatValue } from "@/lib/debug/plan";
import type { ScalarValue } from "@/lib/debug/types";

export function formatDateTime(iso: string | null): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
}

/** An attribute value for display; Intercom dates (Unix seconds) also get a readable form. */
export function displayValue(value: ScalarValue | undefined, dataType: string | null): string {
  if (dataType === "date" && typeof value === "number") return `${formatDateTime(new Date(value * 1000).toISOString())} (${value})`;
  return formatValue(value);
}
