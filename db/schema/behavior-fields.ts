// Behaviour fields: facts about a visitor's behaviour a mapping can write to Intercom, next to the
// answers. Pure (the mapping screen shows them; lib/behavior/field-values.ts computes them).
export const BEHAVIOR_FIELDS = {
  first_seen: { label: "First seen (date)", kind: "behavior_date", nameBase: "first seen" },
  last_seen: { label: "Last seen (date)", kind: "behavior_date", nameBase: "last seen" },
  visit_count: { label: "Visit count", kind: "behavior_count", nameBase: "visit count" },
  first_utm_source: { label: "First-touch UTM source", kind: "behavior_text", nameBase: "first utm source" },
  first_utm_medium: { label: "First-touch UTM medium", kind: "behavior_text", nameBase: "first utm medium" },
  first_utm_campaign: { label: "First-touch UTM campaign", kind: "behavior_text", nameBase: "first utm campaign" },
  last_page: { label: "Last page seen", kind: "behavior_text", nameBase: "last page" },
  segment_names: { label: "Current segment names", kind: "behavior_text", nameBase: "segments" },
} as const;

export type BehaviorField = keyof typeof BEHAVIOR_FIELDS;
export const behaviorRef = (field: BehaviorField) => `behavior:${field}`;

export function behaviorFieldOf(ref: string): BehaviorField | null {
  if (!ref.startsWith("behavior:")) return null;
  const field = ref.slice("behavior:".length);
  return field in BEHAVIOR_FIELDS ? (field as BehaviorField) : null;
}
