import { describe, expect, it } from "vitest";
import type { MappingSnapshot } from "@/lib/publishing/snapshot";
import { segmentsFromContact, withKnownSegments, type SourceIndexEntry } from "./known-segments";

const segments = [
  { key: "founder", name: "Founder", numericValue: null },
  { key: "marketer", name: "Marketer", numericValue: null },
];
const sizes = [
  { key: "1_10", name: "1–10", numericValue: 10 },
  { key: "11_50", name: "11–50", numericValue: 50 },
];
const sources = new Map<string, SourceIndexEntry>([
  ["question:q1", { groupKey: "role", facts: { kind: "single_select", segments } }],
  ["group:g2", { groupKey: "interests", facts: { kind: "multi_select", segments: [{ key: "analytics", name: "Analytics", numericValue: null }, { key: "crm", name: "CRM", numericValue: null }] } }],
  ["group:g3", { groupKey: "size", facts: { kind: "numeric_bucket", segments: sizes } }],
  ["segment:s1", { groupKey: "role", facts: { kind: "segment", segments, segmentKey: "founder" } }],
]);
const mapping = (source: string, attribute: string, conversion: string, extra: Partial<MappingSnapshot> = {}): MappingSnapshot => ({
  id: attribute, source, sourceLabel: source, attribute, conversion, separator: ",", writePolicy: "overwrite", enabled: true, ...extra,
});
const contact = (custom: Record<string, unknown>) => ({ standard: {}, custom });

describe("segmentsFromContact", () => {
  it("reads keys, names, joined lists and bucket numbers back into segments", () => {
    const mappings = [
      mapping("question:q1", "tailor_role", "segment_name"),
      mapping("group:g2", "tailor_interests", "joined_keys", { separator: ";" }),
      mapping("group:g3", "tailor_size", "numeric_value"),
    ];
    expect(segmentsFromContact(mappings, sources, contact({ tailor_role: " marketer ", tailor_interests: "crm; analytics;unknown", tailor_size: "50" }))).toEqual({
      role: ["marketer"],
      interests: ["crm", "analytics"],
      size: ["11_50"],
    });
  });

  it("ignores disabled mappings, blank values, unknown values and a false yes/no", () => {
    const mappings = [
      mapping("question:q1", "tailor_role", "segment_key", { enabled: false }),
      mapping("group:g3", "tailor_size", "numeric_value"),
      mapping("segment:s1", "is_founder", "is_segment"),
    ];
    expect(segmentsFromContact(mappings, sources, contact({ tailor_role: "founder", tailor_size: 7, is_founder: false }))).toEqual({});
    expect(segmentsFromContact(mappings, sources, contact({ is_founder: true }))).toEqual({ role: ["founder"] });
    expect(segmentsFromContact([mapping("question:gone", "x", "segment_key")], sources, contact({ x: "founder" }))).toEqual({});
  });

  it("lets the visitor's own answers win over Intercom", () => {
    expect(withKnownSegments({ role: ["founder"], size: [] }, { role: ["marketer"], size: ["1_10"] })).toEqual({ role: ["founder"], size: ["1_10"] });
  });
});
