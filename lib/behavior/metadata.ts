// Event metadata as Intercom expects it: flat, at most 10 keys (Intercom ignores the rest), values
// strings (≤ 255 characters), numbers, `_date` keys in whole Unix seconds, links as absolute
// http(s) URLs. Pure.
export const MAX_METADATA_KEYS = 10;
const MAX_STRING = 255;

export type MetadataValue = string | number;
export type Metadata = Record<string, MetadataValue>;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Builds the metadata from candidate entries in priority order; what doesn't fit is left out. */
export function buildMetadata(entries: [string, unknown][]): Metadata {
  const out: Metadata = {};
  for (const [key, value] of entries) {
    if (Object.keys(out).length >= MAX_METADATA_KEYS) break;
    if (!KEY.test(key) || key in out || value === undefined || value === null) continue;
    if (key.endsWith("_date")) {
      const seconds = value instanceof Date ? Math.floor(value.getTime() / 1000) : typeof value === "number" ? Math.floor(value) : NaN;
      if (Number.isFinite(seconds) && seconds >= 0) out[key] = seconds;
      continue;
    }
    if (typeof value === "number") {
      if (Number.isFinite(value)) out[key] = value;
    } else if (typeof value === "string") {
      const text = value.trim();
      if (text !== "") out[key] = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING - 1)}…` : text;
    } else if (typeof value === "boolean") out[key] = value ? "yes" : "no";
  }
  return out;
}

/** An absolute http(s) URL Intercom shows as a link, or undefined. */
export function linkOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString().slice(0, MAX_STRING) : undefined;
  } catch {
    return undefined;
  }
}
