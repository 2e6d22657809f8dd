/**
 * THE compatibility table between Tailor answers and Intercom contact attribute types. The mapping
 * screen uses it to offer conversions and explain refusals; the save schema's superRefine
 * (mapping-schema.ts) uses the same functions, so the server refuses exactly what the UI flags.
 */

export const SOURCE_KINDS = ["single_select", "multi_select", "numeric_bucket", "segment", "behavior_date", "behavior_count", "behavior_text"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const INTERCOM_DATA_TYPES = ["string", "integer", "float", "boolean", "date"] as const;
export type AttributeDataType = (typeof INTERCOM_DATA_TYPES)[number];

export const CONVERSIONS = ["segment_key", "segment_name", "joined_keys", "joined_names", "is_segment", "numeric_value", "date_value", "count_value", "text_value"] as const;
export type Conversion = (typeof CONVERSIONS)[number];

export const sourceKindLabels: Record<SourceKind, string> = {
  single_select: "Single-select group",
  multi_select: "Multi-select group",
  numeric_bucket: "Numeric buckets",
  segment: "One segment",
  behavior_date: "Behaviour: a date",
  behavior_count: "Behaviour: a counter",
  behavior_text: "Behaviour: text",
};

export const conversionLabels: Record<Conversion, string> = {
  segment_key: "Segment key",
  segment_name: "Segment name",
  joined_keys: "Keys, joined",
  joined_names: "Names, joined",
  is_segment: "Yes/no: is this segment",
  numeric_value: "Bucket's number",
  date_value: "The date",
  count_value: "Current count",
  text_value: "The text",
};

export const dataTypeLabels: Record<AttributeDataType, string> = {
  string: "Text",
  integer: "Integer",
  float: "Decimal",
  boolean: "True/false",
  date: "Date",
};

export type Rule = { allowed: readonly Conversion[]; reason: null } | { allowed: readonly []; reason: string };

const ok = (...allowed: Conversion[]): Rule => ({ allowed, reason: null });
const no = (reason: string): Rule => ({ allowed: [], reason });

const NOT_A_DATE = "Segments aren't dates. Choose a text attribute.";

export const MAPPING_RULES: Record<SourceKind, Record<AttributeDataType, Rule>> = {
  single_select: {
    string: ok("segment_key", "segment_name"),
    integer: no("A single-select group holds a category, not a number. Choose a text attribute, or use a numeric-bucket group."),
    float: no("A single-select group holds a category, not a number. Choose a text attribute, or use a numeric-bucket group."),
    boolean: no("A group has several segments; a true/false attribute fits one segment. Map a single segment (e.g. \"Role → Founder\") instead."),
    date: no(NOT_A_DATE),
  },
  multi_select: {
    string: ok("joined_keys", "joined_names"),
    integer: no("A multi-select group can hold several answers; a number attribute holds one number. Choose a text attribute."),
    float: no("A multi-select group can hold several answers; a number attribute holds one number. Choose a text attribute."),
    boolean: no("A multi-select group can hold several answers. Map each segment to its own true/false attribute (e.g. \"Interests → Analytics\")."),
    date: no(NOT_A_DATE),
  },
  numeric_bucket: {
    string: ok("segment_key", "segment_name"),
    integer: ok("numeric_value"),
    float: ok("numeric_value"),
    boolean: no("Buckets are numbers, not yes/no. Map a single bucket instead, or choose a number attribute."),
    date: no(NOT_A_DATE),
  },
  segment: {
    string: no("A single segment is yes/no. Choose a true/false attribute, or map the whole group to a text attribute."),
    integer: no("A single segment is yes/no. Choose a true/false attribute."),
    float: no("A single segment is yes/no. Choose a true/false attribute."),
    boolean: ok("is_segment"),
    date: no(NOT_A_DATE),
  },
  behavior_date: {
    string: no("This is a date. Choose a date attribute."),
    integer: no("This is a date. Choose a date attribute (Intercom shows it as a date)."),
    float: no("This is a date. Choose a date attribute."),
    boolean: no("This is a date, not yes/no. Choose a date attribute."),
    date: ok("date_value"),
  },
  behavior_count: {
    string: no("A counter is a number. Choose an integer attribute."),
    integer: ok("count_value"),
    float: ok("count_value"),
    boolean: no("A counter is a number, not yes/no. Choose an integer attribute."),
    date: no("A counter is a number, not a date. Choose an integer attribute."),
  },
  behavior_text: {
    string: ok("text_value"),
    integer: no("This is text. Choose a text attribute."),
    float: no("This is text. Choose a text attribute."),
    boolean: no("This is text, not yes/no. Choose a text attribute."),
    date: no("This is text, not a date. Choose a text attribute."),
  },
};

export type SegmentFacts = { key: string; name: string; numericValue: number | null };

/** What the rules need to know about a mapping source. */
export type SourceFacts = {
  kind: SourceKind;
  /** The group's segments (for a segment source: its group's segments). */
  segments: SegmentFacts[];
  /** Only for kind "segment": the segment this source stands for. */
  segmentKey?: string;
};

/** Allowed conversions for a source and an attribute type, or the reason none fits. */
export function ruleFor(source: SourceFacts, dataType: AttributeDataType): Rule {
  const rule = MAPPING_RULES[source.kind][dataType];
  // An integer attribute can't hold 2.5: numeric buckets fit it only when every value is whole.
  if (source.kind === "numeric_bucket" && dataType === "integer" && source.segments.some((s) => !Number.isInteger(s.numericValue))) {
    return no("Some buckets have fractional values. Choose a decimal attribute, or use whole numbers.");
  }
  return rule;
}

export function isCompatible(source: SourceFacts, dataType: AttributeDataType, conversion: string): boolean {
  return (ruleFor(source, dataType).allowed as readonly string[]).includes(conversion);
}

/** The data type to propose when creating a new Intercom field for this source. */
export function suggestedDataType(source: SourceFacts): AttributeDataType {
  switch (source.kind) {
    case "segment":
      return "boolean";
    case "numeric_bucket":
      return source.segments.every((s) => Number.isInteger(s.numericValue)) ? "integer" : "float";
    case "behavior_date":
      return "date";
    case "behavior_count":
      return "integer";
    default:
      return "string";
  }
}

export const DEFAULT_SEPARATOR = ",";

export type ConversionOptions = { separator?: string; longStrings?: LongStringPolicy };
export type AttributeValue = string | number | boolean | null;

/**
 * The value Tailor writes for one answer: `selected` are the segments the visitor's answer
 * assigned in the source's group (none: null, which leaves or clears the field).
 */
/** Intercom refuses custom attribute strings over 255 characters (and any nested value). */
export const INTERCOM_STRING_MAX = 255;

/** What a mapping does with a text longer than Intercom accepts: cut it with "…", or send nothing. */
export const LONG_STRING_POLICIES = ["truncate", "refuse"] as const;
export type LongStringPolicy = (typeof LONG_STRING_POLICIES)[number];
export const DEFAULT_LONG_STRING_POLICY: LongStringPolicy = "truncate";
export const longStringPolicyLabels: Record<LongStringPolicy, string> = { truncate: "Cut with …", refuse: "Don't send" };

/** Conversions that write text, so the long-text policy applies (the mapping row shows its select). */
export function producesText(conversion: string): boolean {
  return ["segment_key", "segment_name", "joined_keys", "joined_names"].includes(conversion);
}

export function isLongStringPolicy(value: unknown): value is LongStringPolicy {
  return (LONG_STRING_POLICIES as readonly unknown[]).includes(value);
}

export function stringLength(value: string): number {
  return [...value].length;
}

/** Values a "refuse" mapping produced over the limit (truncated ones never are). */
export function tooLongValues(values: Record<string, unknown>): { attribute: string; length: number }[] {
  return Object.entries(values)
    .filter((e): e is [string, string] => typeof e[1] === "string" && stringLength(e[1]) > INTERCOM_STRING_MAX)
    .map(([attribute, value]) => ({ attribute, length: stringLength(value) }));
}

/** The sync log's reason for values held back by a "refuse" mapping. */
export function refusedLongText(refused: { attribute: string; length: number }[]): string {
  const list = refused.map((r) => `"${r.attribute}" is ${r.length} characters`).join("; ");
  return `Not sent: ${list}, over Intercom's ${INTERCOM_STRING_MAX}-character limit, and its mapping refuses long text (set it to "Cut with …" to send a shortened value).`;
}

/** Cuts a string to Intercom's limit with an ellipsis, so a long joined answer is written, not refused. */
export function fitIntercomString(value: string): string {
  const chars = [...value]; // by code point, so an emoji is never split
  return chars.length <= INTERCOM_STRING_MAX ? value : `${chars.slice(0, INTERCOM_STRING_MAX - 1).join("")}…`;
}

/** The longest text this mapping can produce (every segment chosen), for the mapping screen's warning. */
export function longestValueLength(source: SourceFacts, conversion: Conversion, options: ConversionOptions = {}): number {
  const all = rawConvert(source, conversion, source.segments, options);
  const single = source.segments.map((s) => rawConvert(source, conversion, [s], options));
  return Math.max(...[all, ...single].map((v) => (typeof v === "string" ? [...v].length : 0)), 0);
}

export function convertAnswer(source: SourceFacts, conversion: Conversion, selected: SegmentFacts[], options: ConversionOptions = {}): AttributeValue {
  const value = rawConvert(source, conversion, selected, options);
  // "refuse" keeps the full text: the sync runner holds it back and logs why (tooLongValues).
  return typeof value === "string" && options.longStrings !== "refuse" ? fitIntercomString(value) : value;
}

function rawConvert(
  source: SourceFacts,
  conversion: Conversion,
  selected: SegmentFacts[],
  options: ConversionOptions = {},
): AttributeValue {
  const separator = options.separator || DEFAULT_SEPARATOR;
  const first = selected[0];
  switch (conversion) {
    case "segment_key":
      return first ? first.key : null;
    case "segment_name":
      return first ? first.name : null;
    case "joined_keys":
      return selected.length ? selected.map((s) => s.key).join(separator) : null;
    case "joined_names":
      return selected.length ? selected.map((s) => s.name).join(separator) : null;
    case "is_segment":
      return selected.some((s) => s.key === source.segmentKey);
    case "numeric_value":
      return first?.numericValue ?? null;
    // Behaviour fields are not answers: their values come from convertBehaviorValue.
    case "date_value":
    case "count_value":
    case "text_value":
      return null;
  }
}

/** A behaviour field's current value as written to Intercom: dates in Unix seconds, counters as numbers, text fitted to 255. */
export function convertBehaviorValue(conversion: Conversion, value: Date | number | string | null, options: ConversionOptions = {}): AttributeValue {
  if (value === null) return null;
  switch (conversion) {
    case "date_value":
      return value instanceof Date ? Math.floor(value.getTime() / 1000) : null;
    case "count_value":
      return typeof value === "number" ? value : null;
    case "text_value":
      if (typeof value !== "string" || value === "") return null;
      return options.longStrings === "refuse" ? value : fitIntercomString(value);
    default:
      return null;
  }
}

const BEHAVIOR_EXAMPLES: Partial<Record<SourceKind, { answer: string; value: Date | number | string }>> = {
  behavior_date: { answer: "2026-11-29", value: new Date("2026-11-29T09:30:00Z") },
  behavior_count: { answer: "3 visits", value: 3 },
  behavior_text: { answer: "e.g. newsletter", value: "newsletter" },
};

export type Preview = { answer: string; value: string };

/** "Founder" → "founder": what one example answer becomes, for the mapping row. */
export function previewConversion(source: SourceFacts, conversion: Conversion, options: ConversionOptions = {}): Preview | null {
  const behavior = BEHAVIOR_EXAMPLES[source.kind];
  if (behavior) return { answer: behavior.answer, value: JSON.stringify(convertBehaviorValue(conversion, behavior.value, options)) };
  let example: SegmentFacts[];
  if (source.kind === "segment") {
    const own = source.segments.find((s) => s.key === source.segmentKey);
    if (!own) return null;
    example = [own];
  } else if (source.kind === "multi_select") {
    example = source.segments.slice(0, 2);
  } else {
    example = source.segments.slice(0, 1);
  }
  if (example.length === 0) return null;
  const value = convertAnswer(source, conversion, example, options);
  return { answer: example.map((s) => s.name).join(" + "), value: JSON.stringify(value) };
}

export type AttributeFacts = {
  name: string;
  dataType: AttributeDataType;
  custom: boolean;
  archived: boolean;
  apiWritable: boolean;
  removed: boolean;
};

/** Why an attribute can't be chosen as a mapping target, or null if it can. */
export function unavailableReason(attr: AttributeFacts): string | null {
  if (attr.removed) return "Deleted in Intercom";
  if (attr.archived) return "Archived in Intercom";
  if (!attr.custom) return "Standard attribute: Tailor writes only custom attributes";
  if (!attr.apiWritable) return "Intercom doesn't allow writing it through the API";
  return null;
}

export type DriftReason = "archived" | "removed" | "not_writable" | "not_in_workspace" | "wrong_type";

/** Whether a conversion's values can go into an attribute of this type (for any source kind). */
export function conversionFits(conversion: Conversion, dataType: AttributeDataType): boolean {
  return SOURCE_KINDS.some((kind) => (MAPPING_RULES[kind][dataType].allowed as readonly Conversion[]).includes(conversion));
}

/**
 * Why a mapped attribute can no longer be written (the mapping is excluded from syncing), or null.
 * No cache row at all means the connected workspace never had it (the cache is emptied when the
 * connection switches workspaces); a row marked removed means it was seen here, then deleted.
 */
export function driftOf(attr: AttributeFacts | undefined, conversion?: Conversion): DriftReason | null {
  if (!attr) return "not_in_workspace";
  if (attr.removed) return "removed";
  if (attr.archived) return "archived";
  if (!attr.apiWritable) return "not_writable";
  if (conversion && !conversionFits(conversion, attr.dataType)) return "wrong_type";
  return null;
}

export function driftText(attributeName: string, reason: DriftReason): string {
  switch (reason) {
    case "archived":
      return `${attributeName} was archived in Intercom`;
    case "removed":
      return `${attributeName} was deleted in Intercom`;
    case "not_writable":
      return `${attributeName} can no longer be written through Intercom's API`;
    case "not_in_workspace":
      return `${attributeName} is not in the newly connected workspace`;
    case "wrong_type":
      return `${attributeName} changed type in Intercom and no longer fits this mapping`;
  }
}

/** "1 mapping needs attention: favorite_color was archived in Intercom", or null when all is well. */
export function driftSummary(drifted: { attributeName: string; reason: DriftReason }[]): string | null {
  if (drifted.length === 0) return null;
  const head = drifted.length === 1 ? "1 mapping needs attention" : `${drifted.length} mappings need attention`;
  return `${head}: ${drifted.map((d) => driftText(d.attributeName, d.reason)).join("; ")}`;
}
