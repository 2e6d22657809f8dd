import { describe, expect, it } from "vitest";
import { diffWrite, plannedValues, verificationMessage, verifyWrite } from "./plan";
import type { PlanGroup, WritePlan } from "./types";

const role: PlanGroup = {
  id: "g-role",
  key: "role",
  name: "Role",
  selection: "single",
  segments: [
    { key: "founder", name: "Founder", numericValue: null },
    { key: "marketer", name: "Marketer", numericValue: null },
  ],
  mappings: [
    { id: "m1", attribute: "job_role", conversion: "segment_key", separator: ",", sourceKind: "single_select", sourceLabel: "Role", dataType: "string" },
    { id: "m2", attribute: "is_founder", conversion: "is_segment", separator: ",", sourceKind: "segment", sourceLabel: "Role → Founder", segmentKey: "founder", dataType: "boolean" },
  ],
};
const interests: PlanGroup = {
  id: "g-int",
  key: "interests",
  name: "Interests",
  selection: "multi",
  segments: [
    { key: "analytics", name: "Analytics", numericValue: null },
    { key: "ai", name: "AI", numericValue: null },
  ],
  mappings: [{ id: "m3", attribute: "interests", conversion: "joined_names", separator: " | ", sourceKind: "multi_select", sourceLabel: "Interests", dataType: "string" }],
};
const size: PlanGroup = {
  id: "g-size",
  key: "size",
  name: "Company size",
  selection: "single",
  segments: [{ key: "s", name: "1-10", numericValue: 10 }],
  mappings: [{ id: "m4", attribute: "seats", conversion: "numeric_value", separator: ",", sourceKind: "numeric_bucket", sourceLabel: "Company size", dataType: "integer" }],
};
const plan: WritePlan = { source: "published", version: 3, groups: [role, interests, size] };

describe("plannedValues: chosen segments through the conversion table", () => {
  it("converts each mapping of each chosen group and skips groups left out", () => {
    const { values, problems } = plannedValues(plan, { "g-role": ["founder"], "g-int": ["analytics", "ai"], "g-size": [] });
    expect(problems).toEqual([]);
    expect(values).toEqual([
      { attribute: "job_role", group: "Role", value: "founder" },
      { attribute: "is_founder", group: "Role", value: true },
      { attribute: "interests", group: "Interests", value: "Analytics | AI" },
    ]);
    expect(plannedValues(plan, { "g-role": ["marketer"] }).values.find((v) => v.attribute === "is_founder")?.value).toBe(false);
    expect(plannedValues(plan, { "g-size": ["s"] }).values).toEqual([{ attribute: "seats", group: "Company size", value: 10 }]);
  });

  it("reports unknown groups and segments and several picks in a single-select group", () => {
    expect(plannedValues(plan, { "g-role": ["ceo"] }).problems).toEqual(['Role has no segment "ceo".']);
    expect(plannedValues(plan, { "g-role": ["founder", "marketer"] }).problems).toEqual(["Role takes one segment."]);
    expect(plannedValues(plan, { nope: ["x"] }).problems[0]).toMatch(/no mapping any more/);
  });
});

describe("diff and verification", () => {
  it("shows Intercom now → after and marks unchanged values", () => {
    const { values } = plannedValues(plan, { "g-role": ["founder"], "g-size": ["s"] });
    expect(diffWrite(values, { job_role: "developer", seats: 10 })).toEqual([
      { attribute: "job_role", group: "Role", before: "developer", after: "founder", changed: true },
      { attribute: "is_founder", group: "Role", before: undefined, after: true, changed: true },
      { attribute: "seats", group: "Company size", before: 10, after: 10, changed: false },
    ]);
  });

  it("verifies what Intercom kept and says exactly what differs", () => {
    const ok = verifyWrite({ job_role: "founder", seats: 10 }, { job_role: "founder", seats: 10.0, other: "x" });
    expect(ok.every((c) => c.ok)).toBe(true);
    expect(verificationMessage(ok)).toBe('Verified: Intercom now has job_role = "founder", seats = 10.');

    const bad = verifyWrite({ job_role: "founder", is_founder: true }, { job_role: "developer" });
    expect(bad.map((c) => c.ok)).toEqual([false, false]);
    expect(verificationMessage(bad)).toBe(
      'Not verified: Intercom has job_role = "developer" (sent "founder"), is_founder = (not set) (sent true). Intercom accepted the write but kept another value.',
    );
  });
});
