import { convertAnswer } from "@/lib/intercom-integration/mapping-rules";
import type { PlanGroup, ScalarValue, VerifyRow, WritePlan, WriteRow } from "./types";

// The pure half of "Write test values": chosen segments → attribute values (through the one
// conversion table), the diff against what Intercom holds now, and the check after re-reading.

export type PlannedValue = { attribute: string; group: string; value: ScalarValue };

export type PlannedWrite = { values: PlannedValue[]; problems: string[] };

/** The values a test write sends for the chosen segments; a group left out is not written. */
export function plannedValues(plan: WritePlan, selections: Record<string, string[]>): PlannedWrite {
  const values = new Map<string, PlannedValue>();
  const problems: string[] = [];
  const byId = new Map(plan.groups.map((g) => [g.id, g]));
  for (const [groupId, keys] of Object.entries(selections)) {
    if (keys.length === 0) continue;
    const group = byId.get(groupId);
    if (!group) {
      problems.push("A chosen segment group has no mapping any more. Look the contact up again.");
      continue;
    }
    const unknown = keys.filter((k) => !group.segments.some((s) => s.key === k));
    if (unknown.length > 0) problems.push(`${group.name} has no segment "${unknown[0]}".`);
    if (group.selection === "single" && keys.length > 1) problems.push(`${group.name} takes one segment.`);
    const selected = group.segments.filter((s) => keys.includes(s.key));
    for (const value of valuesOfGroup(group, selected)) values.set(value.attribute, value);
  }
  return { values: [...values.values()], problems };
}

function valuesOfGroup(group: PlanGroup, selected: PlanGroup["segments"]): PlannedValue[] {
  return group.mappings.map((m) => ({
    attribute: m.attribute,
    group: group.name,
    value: convertAnswer({ kind: m.sourceKind, segments: group.segments, segmentKey: m.segmentKey }, m.conversion, selected, {
      separator: m.separator,
    }),
  }));
}

export function sameValue(a: ScalarValue | undefined, b: ScalarValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Intercom now → after, one row per attribute the write sends. */
export function diffWrite(values: PlannedValue[], current: Record<string, ScalarValue>): WriteRow[] {
  return values.map((v) => {
    const before = Object.hasOwn(current, v.attribute) ? current[v.attribute] : undefined;
    return { attribute: v.attribute, group: v.group, before, after: v.value, changed: !sameValue(before ?? null, v.value) };
  });
}

/** After re-reading the contact: did Intercom keep every value that was sent? */
export function verifyWrite(sent: Record<string, ScalarValue>, after: Record<string, ScalarValue>): VerifyRow[] {
  return Object.entries(sent).map(([attribute, expected]) => {
    const actual = Object.hasOwn(after, attribute) ? after[attribute] : undefined;
    return { attribute, expected, actual, ok: sameValue(actual ?? null, expected) };
  });
}

export function formatValue(value: ScalarValue | undefined): string {
  return value === undefined ? "(not set)" : value === null ? "(empty)" : JSON.stringify(value);
}

export function verificationMessage(checks: VerifyRow[]): string {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) {
    return `Verified: Intercom now has ${checks.map((c) => `${c.attribute} = ${formatValue(c.actual)}`).join(", ")}.`;
  }
  return `Not verified: Intercom has ${failed
    .map((c) => `${c.attribute} = ${formatValue(c.actual)} (sent ${formatValue(c.expected)})`)
    .join(", ")}. Intercom accepted the write but kept another value.`;
}
