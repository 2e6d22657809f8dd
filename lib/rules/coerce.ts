// Value coercion shared by rule evaluation and merge tags. Contact data arrives loosely typed
// (Intercom custom attributes, hand-edited fixtures), so every comparison goes through here.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Plain decimals only: Number("") is 0 and Number("0x10") is 16, neither of which a marketer means.
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** null, undefined and whitespace-only strings are "no value"; `false` and `0` are values. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  return text === "true" ? true : text === "false" ? false : undefined;
}

/** Case- and edge-whitespace-insensitive form used by every text comparison. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").trim().toLowerCase();
}

/** Strings and numbers read as text; booleans and objects do not. */
export function toText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Loose equality for rule values. A number on either side compares numerically ("42" = 42),
 * a boolean on either side compares as a boolean ("TRUE" = true), otherwise text is compared
 * case-insensitively. Two strings never compare numerically: "007" is not "7".
 */
export function looseEquals(seen: unknown, expected: unknown): boolean {
  if (isBlank(seen) || isBlank(expected)) return false;
  if (typeof seen === "number" || typeof expected === "number") {
    const a = toNumber(seen);
    const b = toNumber(expected);
    return a !== undefined && b !== undefined && a === b;
  }
  if (typeof seen === "boolean" || typeof expected === "boolean") {
    const a = toBoolean(seen);
    return a !== undefined && a === toBoolean(expected);
  }
  if (typeof seen === "string" && typeof expected === "string") return normalizeText(seen) === normalizeText(expected);
  return false;
}

// ISO 8601 date or date-time, optional seconds, fraction and offset.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Milliseconds since the epoch for an ISO string; date-times without an offset are read as UTC. */
export function parseIsoDate(value: string): number | undefined {
  const text = value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  // Date.parse reads offset-less date-times in the server's local zone; pin them to UTC instead.
  const hasTime = text.length > 10;
  const ms = Date.parse(hasTime && !match[1] ? `${text.replace(" ", "T")}Z` : text.replace(" ", "T"));
  if (!Number.isFinite(ms)) return undefined;
  // Date.parse rolls 2024-02-30 over to March; refuse dates that don't exist.
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const probe = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return probe.getUTCMonth() === (month ?? 0) - 1 && probe.getUTCDate() === day ? ms : undefined;
}

/** A contact date: Unix seconds (Intercom's format, number or digit string) or an ISO string. */
export function toEpochMs(value: unknown): number | undefined {
  const seconds = toNumber(value);
  if (seconds !== undefined) return seconds * 1000;
  return typeof value === "string" ? parseIsoDate(value) : undefined;
}

const MAX_SEEN_TEXT = 200;
const MAX_SEEN_ITEMS = 50;

/** A trace-friendly copy: JSON-safe, long text and lists clipped so traces stay small. */
export function toJsonSafe(value: unknown, depth = 0): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.length > MAX_SEEN_TEXT ? `${value.slice(0, MAX_SEEN_TEXT)}…` : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (depth >= 2) return null;
  if (Array.isArray(value)) return value.slice(0, MAX_SEEN_ITEMS).map((item) => toJsonSafe(item, depth + 1));
  if (typeof value === "object") {
    const entries = Object.entries(value).slice(0, MAX_SEEN_ITEMS);
    return Object.fromEntries(entries.map(([key, item]) => [key, toJsonSafe(item, depth + 1)]));
  }
  return null;
}
