import { describe, expect, it } from "vitest";
import { toRuleContact } from "./contact-context";
import { evaluateCondition, evaluateRule, ruleMatches, type EvaluationContext, type RuleContact, type TraceReason } from "./evaluate";
import type { AttributeOperator, AttributeValue, Condition, Rule } from "./schema";

const contact: RuleContact = toRuleContact(
  {
    id: "c1",
    role: "user",
    email: "Ada@Example.com",
    name: "Ada Lovelace",
    externalId: "70",
    createdAt: 1734537424, // 2024-12-18T15:57:04Z
    customAttributes: { favorite_color: "teal", "Signup Source": "blog" },
  },
  [{ id: "81", name: "VIP" }, { id: "82", name: "Beta tester" }],
);

function withCustom(custom: Record<string, unknown>): EvaluationContext {
  return { intercom: { available: true, contact: { ...contact, custom } }, segments: {} };
}
const known: EvaluationContext = { intercom: { available: true, contact }, segments: { role: ["founder"] } };

function attr(operator: AttributeOperator, value?: AttributeValue, attribute = "custom.v"): Condition {
  return value === undefined ? { id: "a", type: "attribute", attribute, operator } : { id: "a", type: "attribute", attribute, operator, value };
}

type Row = [operator: AttributeOperator, value: AttributeValue | undefined, seen: unknown, matched: boolean, reason?: TraceReason];

const rows: Row[] = [
  // equals: text ignores case and edge whitespace; numbers vs number-like strings; booleans vs "true"/"false"
  ["equals", "teal", "teal", true],
  ["equals", "teal", " Teal ", true],
  ["equals", "TEAL", "teal", true],
  ["equals", "tea", "teal", false],
  ["equals", "Crème", "crème", true],
  ["equals", 42, 42, true],
  ["equals", 42, "42", true],
  ["equals", "42", 42, true],
  ["equals", 42, "42.0", true],
  ["equals", 42, " 42 ", true],
  ["equals", "42", "42.0", false], // two strings compare as text
  ["equals", "7", "007", false],
  ["equals", 0, 0, true],
  ["equals", 0, "", false, "missing"], // Number("") is 0: never treat "" as a number
  ["equals", 16, "0x10", false],
  ["equals", 1.5, "1.50", true],
  ["equals", 1000, "1e3", true],
  ["equals", true, true, true],
  ["equals", true, "true", true],
  ["equals", true, "TRUE", true],
  ["equals", false, "false", true],
  ["equals", false, false, true],
  ["equals", "true", true, true],
  ["equals", "false", true, false],
  ["equals", true, 1, false],
  ["equals", true, "yes", false],
  ["equals", "teal", null, false, "missing"],
  ["equals", "teal", undefined, false, "missing"],
  ["equals", "teal", "", false, "missing"],
  ["equals", "teal", { nested: "teal" }, false],
  // not_equals: the negation, except a known contact without the value matches
  ["not_equals", "teal", "red", true],
  ["not_equals", "teal", "TEAL", false],
  ["not_equals", 42, "42", false],
  ["not_equals", true, "false", true],
  ["not_equals", "teal", undefined, true, "missing"],
  ["not_equals", "teal", "  ", true, "missing"],
  // contains / starts_with
  ["contains", "manager", "Product Manager", true],
  ["contains", "MAN", "product manager", true],
  ["contains", "lead", "Product Manager", false],
  ["contains", "234", 12345, true],
  ["contains", "tru", true, false, "type_mismatch"],
  ["contains", "x", null, false, "missing"],
  ["starts_with", "founder", "Founder & CEO", true],
  ["starts_with", "founder", "  founder", true],
  ["starts_with", "ceo", "Founder & CEO", false],
  ["starts_with", "12", 123, true],
  ["starts_with", "x", undefined, false, "missing"],
  // exists / is_empty: null, undefined, "" and whitespace are empty; 0 and false are values
  ["exists", undefined, "x", true],
  ["exists", undefined, 0, true],
  ["exists", undefined, false, true],
  ["exists", undefined, "", false],
  ["exists", undefined, "   ", false],
  ["exists", undefined, null, false],
  ["exists", undefined, undefined, false],
  ["is_empty", undefined, "", true],
  ["is_empty", undefined, "  ", true],
  ["is_empty", undefined, null, true],
  ["is_empty", undefined, undefined, true],
  ["is_empty", undefined, 0, false],
  ["is_empty", undefined, false, false],
  ["is_empty", undefined, "x", false],
  // greater_than / less_than: numbers and number-like strings only
  ["greater_than", 10, 30, true],
  ["greater_than", 10, "30", true],
  ["greater_than", "10", 30, true],
  ["greater_than", 10, 10, false],
  ["greater_than", -2, -1, true],
  ["greater_than", 999, "1e3", true],
  ["greater_than", 10, "abc", false, "not_a_number"],
  ["greater_than", 0, true, false, "not_a_number"],
  ["greater_than", 0, "", false, "missing"],
  ["greater_than", 0, null, false, "missing"],
  ["less_than", 10, 9.99, true],
  ["less_than", 10, 10, false],
  ["less_than", 10, "  3 ", true],
  ["less_than", 10, "3 apples", false, "not_a_number"],
  ["less_than", 0, undefined, false, "missing"],
  // before / after: Unix seconds (number or digits) or ISO strings; the rule's date is an instant
  ["before", "2025-01-01", 1734537424, true],
  ["after", "2025-01-01", 1734537424, false],
  ["after", "2024-12-18", 1734537424, true], // date-only = 00:00 UTC
  ["before", "2024-12-18T16:00:00Z", 1734537424, true],
  ["after", "2024-12-18T16:00:00+01:00", 1734537424, true], // 15:00Z
  ["after", "2024-12-18T16:00", 1734537424, false], // no offset = UTC
  ["before", "2025-01-01", "1734537424", true],
  ["before", "2024-07-01", "2024-06-01T00:00:00Z", true],
  ["after", "2024-05-31T23:59:59Z", "2024-06-01", true],
  ["after", "2024-05-31", "2024-06-01T10:00:00.123+02:00", true],
  ["before", "2025-01-01", "not a date", false, "invalid_date"],
  ["before", "2025-01-01", "2024-02-30", false, "invalid_date"],
  ["before", "2025-01-01", "June 1, 2024", false, "invalid_date"],
  ["before", "2025-01-01", true, false, "invalid_date"],
  ["after", "2025-01-01", null, false, "missing"],
  ["before", "nonsense", 1734537424, false, "invalid_date"], // a bad rule date never matches
  // in_list: loose, case-insensitive equality against each item
  ["in_list", ["red", "teal"], "Teal", true],
  ["in_list", ["red", "teal"], "blue", false],
  ["in_list", ["42", "43"], 42, true],
  ["in_list", ["true"], true, true],
  ["in_list", ["red"], undefined, false, "missing"],
  ["in_list", ["red"], "", false, "missing"],
];

describe("evaluateCondition on attributes", () => {
  it.each(rows)("%s %j against %j → %s", (operator, value, seen, matched, reason) => {
    const trace = evaluateCondition(attr(operator, value), withCustom({ v: seen }));
    expect(trace.matched).toBe(matched);
    expect(trace.reason).toBe(reason);
  });

  it("reads standard fields by their API name", () => {
    expect(evaluateCondition(attr("equals", "ada@example.com", "email"), known).matched).toBe(true);
    expect(evaluateCondition(attr("equals", "user", "role"), known).matched).toBe(true);
    expect(evaluateCondition(attr("equals", 70, "external_id"), known).matched).toBe(true);
    expect(evaluateCondition(attr("before", "2025-01-01", "created_at"), known).matched).toBe(true);
    expect(evaluateCondition(attr("is_empty", undefined, "updated_at"), known).matched).toBe(true);
  });

  it("reads attributes as intercom.<name>, standard and custom, spaces and case included", () => {
    expect(evaluateCondition(attr("equals", "blog", "intercom.Signup Source"), known).matched).toBe(true);
    expect(evaluateCondition(attr("equals", "teal", "intercom.Favorite_Color"), known).matched).toBe(true);
    expect(evaluateCondition(attr("equals", "ada@example.com", "intercom.email"), known).matched).toBe(true);
    expect(evaluateCondition(attr("exists", undefined, "intercom.favorite_colour"), known).matched).toBe(false);
  });

  it("still reads the older spelling custom.<name>, spaces and case included", () => {
    expect(evaluateCondition(attr("equals", "blog", "custom.Signup Source"), known).matched).toBe(true);
    expect(evaluateCondition(attr("equals", "teal", "custom.Favorite_Color"), known).matched).toBe(true);
    expect(evaluateCondition(attr("exists", undefined, "custom.favorite_colour"), known).matched).toBe(false);
  });

  it("a custom attribute named like a standard field is read from custom", () => {
    const context = withCustom({ email: "custom@example.com" });
    expect(evaluateCondition(attr("equals", "custom@example.com", "custom.email"), context).matched).toBe(true);
    expect(evaluateCondition(attr("equals", "ada@example.com", "email"), context).matched).toBe(true);
  });

  it("never resolves Object.prototype members", () => {
    for (const name of ["custom.constructor", "custom.__proto__", "custom.toString", "constructor", "intercom.constructor", "intercom.__proto__"]) {
      expect(evaluateCondition(attr("exists", undefined, name), known).matched).toBe(false);
    }
  });

  it("refuses attribute names outside the convention", () => {
    expect(evaluateCondition(attr("exists", undefined, "favorite_color"), known)).toMatchObject({ matched: false, reason: "unknown_attribute" });
  });
});

describe("evaluateCondition on tags", () => {
  it.each([
    ["has", "vip", true],
    ["has", " Vip ", true],
    ["has", "beta TESTER", true],
    ["has", "gold", false],
    ["has_not", "vip", false],
    ["has_not", "gold", true],
  ] as const)("%s %s → %s", (operator, tag, matched) => {
    const trace = evaluateCondition({ id: "t", type: "tag", operator, tag }, known);
    expect(trace).toEqual({ kind: "condition", id: "t", type: "tag", matched, seen: ["VIP", "Beta tester"] });
  });

  it("a contact without tags has_not every tag", () => {
    const context: EvaluationContext = { intercom: { available: true, contact: { ...contact, tags: [] } }, segments: {} };
    expect(evaluateCondition({ id: "t", type: "tag", operator: "has_not", tag: "vip" }, context).matched).toBe(true);
  });
});

describe("evaluateCondition on segments", () => {
  const segments = { role: ["founder"], interest: ["pricing", "api"] };
  const context: EvaluationContext = { intercom: { available: false }, segments };
  it.each([
    ["role", "is", "founder", true],
    ["role", "is", "marketer", false],
    ["role", "is_not", "marketer", true],
    ["role", "is_not", "founder", false],
    ["interest", "is", "api", true],
    ["size", "is", "large", false],
    ["size", "is_not", "large", true], // never answered: "not large" too
    ["role", "is_known", undefined, true],
    ["size", "is_known", undefined, false],
    ["role", "is_unknown", undefined, false],
    ["size", "is_unknown", undefined, true],
    ["constructor", "is_known", undefined, false],
  ] as const)("%s %s %s → %s (works without Intercom)", (group, operator, segment, matched) => {
    const condition: Condition = segment === undefined ? { id: "s", type: "segment", group, operator } : { id: "s", type: "segment", group, operator, segment };
    const trace = evaluateCondition(condition, context);
    expect(trace.matched).toBe(matched);
    expect(trace.reason).toBeUndefined();
  });

  it("traces the group's segment keys", () => {
    expect(evaluateCondition({ id: "s", type: "segment", group: "interest", operator: "is_known" }, context).seen).toEqual(["pricing", "api"]);
    expect(evaluateCondition({ id: "s", type: "segment", group: "size", operator: "is_known" }, context).seen).toEqual([]);
  });
});

describe("when Intercom data is unavailable", () => {
  const intercomConditions: Condition[] = [
    { id: "t1", type: "tag", operator: "has", tag: "vip" },
    { id: "t2", type: "tag", operator: "has_not", tag: "vip" },
    ...(
      [
        ["equals", "teal"], ["not_equals", "teal"], ["contains", "t"], ["starts_with", "t"], ["exists", undefined],
        ["is_empty", undefined], ["greater_than", 1], ["less_than", 1], ["before", "2030-01-01"], ["after", "2000-01-01"],
        ["in_list", ["teal"]],
      ] satisfies [AttributeOperator, AttributeValue | undefined][]
    ).map(([operator, value]) => attr(operator, value, "custom.favorite_color")),
  ];
  const unavailable: [string, EvaluationContext["intercom"]][] = [
    ["anonymous visitor", { available: false }],
    ["available without a contact", { available: true }],
    ["flagged unavailable with a stale contact", { available: false, contact }],
  ];

  for (const [label, intercom] of unavailable) {
    it.each(intercomConditions)(`${label}: %j never matches`, (condition) => {
      const trace = evaluateCondition(condition, { intercom, segments: {} });
      expect(trace).toMatchObject({ matched: false, seen: null, reason: "intercom_unavailable" });
    });
  }

  it("segment conditions still decide an OR group", () => {
    const rule: Rule = {
      type: "group",
      combinator: "or",
      children: [
        { id: "vip", type: "tag", operator: "has_not", tag: "vip" },
        { id: "role", type: "segment", group: "role", operator: "is", segment: "founder" },
      ],
    };
    const result = evaluateRule(rule, { intercom: { available: false }, segments: { role: ["founder"] } });
    expect(result.matched).toBe(true);
    expect(result.trace.children.map((c) => c.matched)).toEqual([false, true]);
  });
});

describe("evaluateRule groups and traces", () => {
  const tagVip: Condition = { id: "vip", type: "tag", operator: "has", tag: "vip" };
  const teal: Condition = { id: "teal", type: "attribute", attribute: "custom.favorite_color", operator: "equals", value: "teal" };
  const red: Condition = { id: "red", type: "attribute", attribute: "custom.favorite_color", operator: "equals", value: "red" };
  const founder: Condition = { id: "founder", type: "segment", group: "role", operator: "is", segment: "founder" };

  it("an empty AND group matches everyone, an empty OR group no one", () => {
    expect(evaluateRule({ type: "group", combinator: "and", children: [] }, known)).toEqual({
      matched: true,
      trace: { kind: "group", combinator: "and", matched: true, reason: "empty", children: [] },
    });
    expect(evaluateRule({ type: "group", combinator: "or", children: [] }, known).matched).toBe(false);
  });

  it.each([
    ["and", [tagVip, teal], true],
    ["and", [tagVip, red], false],
    ["or", [red, teal], true],
    ["or", [red, { ...red, id: "red2" }], false],
  ] as const)("%s of %#", (combinator, children, matched) => {
    expect(evaluateRule({ type: "group", combinator, children: [...children] }, known).matched).toBe(matched);
  });

  it("ruleMatches (the runtime's trace-free check) answers exactly what evaluateRule does", () => {
    const leaves = [tagVip, teal, red, founder];
    const contexts: EvaluationContext[] = [known, { intercom: { available: false }, segments: { role: ["founder"] } }, { intercom: { available: false }, segments: {} }];
    let checked = 0;
    for (const outer of ["and", "or"] as const) {
      for (const inner of ["and", "or"] as const) {
        for (let mask = 0; mask < 16; mask++) {
          const picked = leaves.filter((_, i) => mask & (1 << i));
          const rule: Rule = { type: "group", combinator: outer, children: [picked[0] ?? red, { type: "group", combinator: inner, children: picked.slice(1) }] };
          for (const context of contexts) {
            expect(ruleMatches(rule, context)).toBe(evaluateRule(rule, context).matched);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBe(192);
    expect(ruleMatches({ type: "group", combinator: "and", children: [] }, known)).toBe(true);
    expect(ruleMatches({ type: "group", combinator: "or", children: [] }, known)).toBe(false);
  });

  it("traces nested groups with each condition's id, outcome and seen value", () => {
    const rule: Rule = {
      type: "group",
      combinator: "and",
      children: [tagVip, { type: "group", id: "g2", combinator: "or", children: [red, teal] }],
    };
    expect(evaluateRule(rule, known)).toEqual({
      matched: true,
      trace: {
        kind: "group",
        combinator: "and",
        matched: true,
        children: [
          { kind: "condition", id: "vip", type: "tag", matched: true, seen: ["VIP", "Beta tester"] },
          {
            kind: "group",
            id: "g2",
            combinator: "or",
            matched: true,
            children: [
              { kind: "condition", id: "red", type: "attribute", matched: false, seen: "teal" },
              { kind: "condition", id: "teal", type: "attribute", matched: true, seen: "teal" },
            ],
          },
        ],
      },
    });
  });

  it("short-circuits but marks every skipped node, nested groups included", () => {
    const rule: Rule = {
      type: "group",
      combinator: "and",
      children: [red, teal, { type: "group", combinator: "or", children: [founder, { type: "group", combinator: "and", children: [tagVip] }] }],
    };
    const { matched, trace } = evaluateRule(rule, known);
    expect(matched).toBe(false);
    expect(trace.children).toEqual([
      { kind: "condition", id: "red", type: "attribute", matched: false, seen: "teal" },
      { kind: "condition", id: "teal", type: "attribute", matched: false, seen: null, reason: "skipped" },
      {
        kind: "group",
        combinator: "or",
        matched: false,
        reason: "skipped",
        children: [
          { kind: "condition", id: "founder", type: "segment", matched: false, seen: null, reason: "skipped" },
          {
            kind: "group",
            combinator: "and",
            matched: false,
            reason: "skipped",
            children: [{ kind: "condition", id: "vip", type: "tag", matched: false, seen: null, reason: "skipped" }],
          },
        ],
      },
    ]);
  });

  it("an OR stops at its first match", () => {
    const { trace } = evaluateRule({ type: "group", combinator: "or", children: [teal, red, founder] }, known);
    expect(trace.children.map((c) => c.reason)).toEqual([undefined, "skipped", "skipped"]);
  });

  it("keeps traces JSON-safe and small", () => {
    const long = "x".repeat(500);
    const context = withCustom({ v: long, n: Number.NaN, o: { deep: { deeper: { deepest: 1 } } } });
    const seenOf = (name: string) => evaluateCondition(attr("exists", undefined, `custom.${name}`), context).seen;
    expect(seenOf("v")).toBe(`${"x".repeat(200)}…`);
    expect(seenOf("n")).toBeNull();
    expect(seenOf("missing")).toBeNull();
    expect(seenOf("o")).toEqual({ deep: { deeper: null } });
    const manyTags: EvaluationContext = { intercom: { available: true, contact: { ...contact, tags: Array.from({ length: 80 }, (_, i) => `t${i}`) } }, segments: {} };
    expect(evaluateCondition(tagVip, manyTags).seen).toHaveLength(50);
    // A trace survives a JSON round trip unchanged (no undefined, NaN, Dates or cycles in it).
    const trace = evaluateRule({ type: "group", combinator: "and", children: [tagVip, teal] }, context);
    expect(JSON.parse(JSON.stringify(trace))).toStrictEqual(trace);
  });
});
