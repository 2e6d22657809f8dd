import { LRUCache } from "lru-cache";
import { DEFAULT_SEPARATOR, type SourceFacts } from "@/lib/intercom-integration/mapping-rules";
import type { MappingSnapshot } from "@/lib/publishing/snapshot";
import { readAttribute, type ContactData } from "@/lib/rules/attributes";
import { isBlank, normalizeText, toBoolean, toNumber, toText } from "@/lib/rules/coerce";
import { loadSourceIndex } from "@/lib/publishing/mapping-values";

// Segments inferred from Intercom: the reverse of a mapping. A visitor whose contact already has
// `tailor_role: "founder"` (written by Tailor, or set in Intercom) is a founder: rules see it, and a
// flow doesn't ask them again. The visitor's own answers always win.

export type SourceIndexEntry = { facts: SourceFacts; groupKey: string };

/**
 * Segment keys per group that the contact's mapped fields name. Only enabled mappings count, and
 * only values that name real segments; a false yes/no field says "not this one", which leaves the
 * group unknown.
 */
export function segmentsFromContact(
  mappings: readonly MappingSnapshot[],
  sources: ReadonlyMap<string, SourceIndexEntry>,
  contact: ContactData,
): Record<string, string[]> {
  const known: Record<string, string[]> = {};
  for (const mapping of mappings) {
    if (!mapping.enabled) continue;
    const source = sources.get(mapping.source);
    if (!source) continue;
    const value = readAttribute(contact, { source: "custom", key: mapping.attribute });
    if (isBlank(value)) continue;
    const keys = segmentKeysOf(source.facts, mapping.conversion, value, mapping.separator || DEFAULT_SEPARATOR);
    if (keys.length === 0) continue;
    known[source.groupKey] = [...new Set([...(known[source.groupKey] ?? []), ...keys])];
  }
  return known;
}

function segmentKeysOf(facts: SourceFacts, conversion: string, value: unknown, separator: string): string[] {
  const byText = (field: "key" | "name") => (text: string) =>
    facts.segments.find((s) => normalizeText(s[field]) === normalizeText(text))?.key;
  const split = (text: string) => text.split(separator).map((part) => part.trim()).filter(Boolean);
  const text = toText(value);
  switch (conversion) {
    case "segment_key":
      return text === undefined ? [] : present([byText("key")(text)]);
    case "segment_name":
      return text === undefined ? [] : present([byText("name")(text)]);
    case "joined_keys":
      return text === undefined ? [] : present(split(text).map(byText("key")));
    case "joined_names":
      return text === undefined ? [] : present(split(text).map(byText("name")));
    case "numeric_value": {
      const number = toNumber(value);
      return present([facts.segments.find((s) => s.numericValue !== null && s.numericValue === number)?.key]);
    }
    case "is_segment":
      return toBoolean(value) === true && facts.segmentKey ? [facts.segmentKey] : [];
    default:
      return [];
  }
}

function present(keys: (string | undefined)[]): string[] {
  return keys.filter((k): k is string => k !== undefined);
}

/** Answers win over what Intercom says: merge contact-derived groups under the visitor's own. */
export function withKnownSegments(answered: Record<string, string[]>, fromContact: Record<string, string[]>): Record<string, string[]> {
  const merged = { ...fromContact };
  for (const [group, keys] of Object.entries(answered)) if (keys.length > 0) merged[group] = keys;
  return merged;
}

// Mapping sources change rarely and are read on every decision of an identified visitor: a few seconds per process.
const sourcesCache = new LRUCache<string, ReadonlyMap<string, SourceIndexEntry>>({ max: 1_000, ttl: 5_000 });

async function mappingSources(workspaceId: string): Promise<ReadonlyMap<string, SourceIndexEntry>> {
  const hit = sourcesCache.get(workspaceId);
  if (hit) return hit;
  const index = await loadSourceIndex(workspaceId);
  const sources = new Map([...index].map(([ref, info]) => [ref, { facts: info.facts, groupKey: info.groupKey }]));
  sourcesCache.set(workspaceId, sources);
  return sources;
}

/** knownSegments' answer read synchronously when nothing must be loaded (no contact, no enabled mapping, or the sources cached); else undefined. */
export function cachedKnownSegments(
  workspaceId: string,
  answered: Record<string, string[]>,
  contact: ContactData | null,
  mappings: readonly MappingSnapshot[],
): Record<string, string[]> | undefined {
  if (!contact || !mappings.some((m) => m.enabled)) return answered;
  const sources = sourcesCache.get(workspaceId);
  return sources ? withKnownSegments(answered, segmentsFromContact(mappings, sources, contact)) : undefined;
}

/**
 * The segments rules see for a visitor: their answers, then the groups the contact's mapped fields
 * name (published mappings only). Without a contact or an enabled mapping: the answers alone.
 */
export async function knownSegments(
  workspaceId: string,
  answered: Record<string, string[]>,
  contact: ContactData | null,
  mappings: readonly MappingSnapshot[],
): Promise<Record<string, string[]>> {
  if (!contact || !mappings.some((m) => m.enabled)) return answered;
  return withKnownSegments(answered, segmentsFromContact(mappings, await mappingSources(workspaceId), contact));
}
