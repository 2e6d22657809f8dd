import { describe, expect, it } from "vitest";
import {
  conversionFits,
  convertAnswer,
  driftOf,
  driftText,
  fitIntercomString,
  longestValueLength,
  producesText,
  refusedLongText,
  tooLongValues,
  driftSummary,
  INTERCOM_DATA_TYPES,
  isCompatible,
  MAPPING_RULES,
  previewConversion,
  convertBehaviorValue,
  ruleFor,
  SOURCE_KINDS,
  suggestedDataType,
  unavailableReason,
  type AttributeDataType,
  type SourceFacts,
  type SourceKind,
} from "./mapping-rules";

const role = [
  { key: "founder", name: "Founder", numericValue: null },
  { key: "marketer", name: "Marketer", numericValue: null },
  { key: "developer", name: "Developer", numericValue: null },
];
const sizes = [
  { key: "1_10", name: "1-10", numericValue: 10 },
  { key: "11_50", name: "11-50", numericValue: 50 },
  { key: "51_plus", name: "51+", numericValue: 51 },
];
const sources: Record<SourceKind, SourceFacts> = {
  single_select: { kind: "single_select", segments: role },
  multi_select: { kind: "multi_select", segments: role },
  numeric_bucket: { kind: "numeric_bucket", segments: sizes },
  segment: { kind: "segment", segments: role, segmentKey: "founder" },
  behavior_date: { kind: "behavior_date", segments: [] },
  behavior_count: { kind: "behavior_count", segments: [] },
  behavior_text: { kind: "behavior_text", segments: [] },
};

// Every source kind × every Intercom type: what is allowed, or that a reason is given.
const expected: Record<SourceKind, Record<AttributeDataType, string[]>> = {
  single_select: { string: ["segment_key", "segment_name"], integer: [], float: [], boolean: [], date: [] },
  multi_select: { string: ["joined_keys", "joined_names"], integer: [], float: [], boolean: [], date: [] },
  numeric_bucket: { string: ["segment_key", "segment_name"], integer: ["numeric_value"], float: ["numeric_value"], boolean: [], date: [] },
  segment: { string: [], integer: [], float: [], boolean: ["is_segment"], date: [] },
  behavior_date: { string: [], integer: [], float: [], boolean: [], date: ["date_value"] },
  behavior_count: { string: [], integer: ["count_value"], float: ["count_value"], boolean: [], date: [] },
  behavior_text: { string: ["text_value"], integer: [], float: [], boolean: [], date: [] },
};

describe("mapping rules table", () => {
  for (const kind of SOURCE_KINDS) {
    for (const type of INTERCOM_DATA_TYPES) {
      const allowed = expected[kind][type];
      it(`${kind} → ${type}: ${allowed.length ? allowed.join(", ") : "refused with a reason"}`, () => {
        const rule = ruleFor(sources[kind], type);
        expect([...rule.allowed]).toEqual(allowed);
        if (allowed.length === 0) expect(rule.reason).toMatch(/^.{20,}$/);
        else expect(rule.reason).toBeNull();
      });
    }
  }

  it("covers every kind and type, with no gaps", () => {
    expect(Object.keys(MAPPING_RULES).sort()).toEqual([...SOURCE_KINDS].sort());
    for (const kind of SOURCE_KINDS) expect(Object.keys(MAPPING_RULES[kind]).sort()).toEqual([...INTERCOM_DATA_TYPES].sort());
  });

  it("explains why a multi-select group can't go into an integer", () => {
    expect(ruleFor(sources.multi_select, "integer").reason).toContain("several answers");
    expect(isCompatible(sources.multi_select, "integer", "joined_keys")).toBe(false);
    expect(isCompatible(sources.multi_select, "string", "joined_keys")).toBe(true);
    expect(isCompatible(sources.single_select, "string", "joined_keys")).toBe(false);
    expect(isCompatible(sources.single_select, "string", "made_up")).toBe(false);
  });

  it("fits numeric buckets into an integer only when every value is whole", () => {
    const fractional: SourceFacts = { kind: "numeric_bucket", segments: [...sizes, { key: "x", name: "x", numericValue: 2.5 }] };
    expect(ruleFor(fractional, "integer").reason).toContain("fractional");
    expect(ruleFor(fractional, "float").allowed).toEqual(["numeric_value"]);
    expect(suggestedDataType(fractional)).toBe("float");
    expect(suggestedDataType(sources.numeric_bucket)).toBe("integer");
    expect(suggestedDataType(sources.segment)).toBe("boolean");
    expect(suggestedDataType(sources.multi_select)).toBe("string");
  });
});

describe("convertAnswer and preview", () => {
  it("converts one answer per conversion", () => {
    const [founder, marketer] = role;
    expect(convertAnswer(sources.single_select, "segment_key", [founder!])).toBe("founder");
    expect(convertAnswer(sources.single_select, "segment_name", [founder!])).toBe("Founder");
    expect(convertAnswer(sources.multi_select, "joined_keys", [founder!, marketer!])).toBe("founder,marketer");
    expect(convertAnswer(sources.multi_select, "joined_names", [founder!, marketer!], { separator: "; " })).toBe("Founder; Marketer");
    expect(convertAnswer(sources.segment, "is_segment", [founder!])).toBe(true);
    expect(convertAnswer(sources.segment, "is_segment", [marketer!])).toBe(false);
    expect(convertAnswer(sources.numeric_bucket, "numeric_value", [sizes[1]!])).toBe(50);
    expect(convertAnswer(sources.single_select, "segment_key", [])).toBeNull();
  });

  it("previews what an example answer becomes", () => {
    expect(previewConversion(sources.single_select, "segment_key")).toEqual({ answer: "Founder", value: '"founder"' });
    expect(previewConversion(sources.multi_select, "joined_names")).toEqual({ answer: "Founder + Marketer", value: '"Founder,Marketer"' });
    expect(previewConversion(sources.segment, "is_segment")).toEqual({ answer: "Founder", value: "true" });
    expect(previewConversion(sources.numeric_bucket, "numeric_value")).toEqual({ answer: "1-10", value: "10" });
  });
});

describe("drift", () => {
  it("names what happened to a mapped attribute", () => {
    const base = { name: "x", dataType: "string" as const, custom: true, archived: false, apiWritable: true, removed: false };
    expect(driftOf(base)).toBeNull();
    expect(driftOf(undefined)).toBe("not_in_workspace"); // never seen in the connected workspace (the cache is emptied on a switch)
    expect(driftOf({ ...base, removed: true })).toBe("removed");
    expect(driftOf({ ...base, archived: true })).toBe("archived");
    expect(driftOf({ ...base, apiWritable: false })).toBe("not_writable");
    expect(driftSummary([])).toBeNull();
    expect(driftSummary([{ attributeName: "favorite_color", reason: "archived" }])).toBe("1 mapping needs attention: favorite_color was archived in Intercom");
    expect(driftSummary([{ attributeName: "a", reason: "removed" }, { attributeName: "b", reason: "not_writable" }])).toMatch(/^2 mappings need attention: a was deleted/);
  });
});

describe("attribute availability", () => {
  const base = { name: "x", dataType: "string" as const, custom: true, archived: false, apiWritable: true, removed: false };
  it("explains archived, deleted, standard and read-only attributes", () => {
    expect(unavailableReason(base)).toBeNull();
    expect(unavailableReason({ ...base, archived: true })).toBe("Archived in Intercom");
    expect(unavailableReason({ ...base, removed: true })).toBe("Deleted in Intercom");
    expect(unavailableReason({ ...base, custom: false })).toMatch(/Standard attribute/);
    expect(unavailableReason({ ...base, apiWritable: false })).toMatch(/through the API/);
  });
});

describe("Intercom's limits and drift reasons", () => {
  it("a refuse mapping keeps the full text; the runner's check names each long attribute with its length", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, name: `Interest number ${i}`, numericValue: null }));
    const source = { kind: "multi_select", segments: many } as const;
    const full = convertAnswer(source, "joined_names", many, { longStrings: "refuse" }) as string;
    expect([...full].length).toBeGreaterThan(255);
    expect(convertAnswer(source, "joined_names", many, { longStrings: "truncate" })).toBe(fitIntercomString(full));
    const refused = tooLongValues({ interests: full, role: "founder", size: 50, cut: fitIntercomString(full) });
    expect(refused).toEqual([{ attribute: "interests", length: [...full].length }]);
    expect(refusedLongText(refused)).toBe(`Not sent: "interests" is ${[...full].length} characters, over Intercom's 255-character limit, and its mapping refuses long text (set it to "Cut with …" to send a shortened value).`);
    expect(tooLongValues({ emoji: "😀".repeat(255) })).toEqual([]);
    expect(["segment_key", "joined_keys"].every(producesText)).toBe(true);
    expect(["is_segment", "numeric_value"].some(producesText)).toBe(false);
  });

  it("cuts strings over 255 characters with an ellipsis, by code point", () => {
    expect(fitIntercomString("a".repeat(255))).toBe("a".repeat(255));
    const cut = fitIntercomString("😀".repeat(300));
    expect([...cut]).toHaveLength(255);
    expect(cut.endsWith("😀…")).toBe(true);
    const many = Array.from({ length: 40 }, (_, i) => ({ key: `interest_number_${i}`, name: `Interest number ${i}`, numericValue: null }));
    const long = { kind: "multi_select", segments: many } as const;
    expect(longestValueLength(long, "joined_names")).toBeGreaterThan(255);
    const value = convertAnswer(long, "joined_names", many) as string;
    expect([...value]).toHaveLength(255);
    expect(value.endsWith("…")).toBe(true);
    expect(longestValueLength(sources.single_select, "segment_key")).toBe("developer".length);
  });

  it("tells a missing attribute after a workspace switch from one deleted in Intercom, and flags retyped ones", () => {
    const facts = { name: "role", dataType: "string", custom: true, archived: false, apiWritable: true, removed: false } as const;
    expect(driftOf(undefined)).toBe("not_in_workspace");
    expect(driftText("role", "not_in_workspace")).toBe("role is not in the newly connected workspace");
    expect(driftOf({ ...facts, removed: true })).toBe("removed");
    expect(driftOf({ ...facts, dataType: "integer" }, "segment_key")).toBe("wrong_type");
    expect(driftOf(facts, "segment_key")).toBeNull();
    expect(conversionFits("numeric_value", "float")).toBe(true);
    expect(conversionFits("is_segment", "string")).toBe(false);
  });
});

describe("behaviour fields", () => {
  it("write dates as Unix seconds, counters as their current number, text fitted to Intercom's 255", () => {
    expect(convertBehaviorValue("date_value", new Date("2026-11-29T09:30:00.900Z"))).toBe(1_795_944_600);
    expect(convertBehaviorValue("count_value", 7)).toBe(7);
    expect(convertBehaviorValue("text_value", "newsletter")).toBe("newsletter");
    expect(convertBehaviorValue("text_value", "x".repeat(300))).toHaveLength(255);
    expect(convertBehaviorValue("text_value", "")).toBeNull();
    expect(convertBehaviorValue("date_value", null)).toBeNull();
    expect(previewConversion(sources.behavior_count, "count_value")).toEqual({ answer: "3 visits", value: "3" });
  });
});
