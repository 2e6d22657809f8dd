import { describe, expect, it } from "vitest";
import { conditionSchema, emptyRule, listConditions, MAX_RULE_CONDITIONS, ruleSchema, type RuleNode } from "./schema";

const group = (children: unknown[], combinator = "and") => ({ type: "group", combinator, children });
const tag = (id: string) => ({ id, type: "tag", operator: "has", tag: "vip" });
const attribute = (operator: string, value?: unknown, name = "custom.favorite_color") =>
  ({ id: "a", type: "attribute", attribute: name, operator, ...(value === undefined ? {} : { value }) });

function messages(input: unknown): string[] {
  const parsed = ruleSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

describe("ruleSchema", () => {
  it("accepts the empty rule, which is an AND group", () => {
    expect(ruleSchema.parse(emptyRule())).toEqual({ type: "group", combinator: "and", children: [] });
  });

  it("accepts every condition type and trims names", () => {
    const rule = group([
      { ...tag("t"), tag: "  VIP " },
      { id: "s", type: "segment", group: "role", operator: "is", segment: "founder" },
      { id: "k", type: "segment", group: "role", operator: "is_known" },
      attribute("equals", "teal"),
    ], "or");
    const parsed = ruleSchema.parse(rule);
    expect(parsed.children[0]).toMatchObject({ tag: "VIP" });
    expect(listConditions(parsed).map((c) => c.id)).toEqual(["t", "s", "k", "a"]);
  });

  it.each([
    ["equals", "teal"], ["equals", 42], ["equals", false], ["not_equals", "x"], ["contains", "te"], ["starts_with", "t"],
    ["exists", undefined], ["is_empty", undefined], ["exists", "ignored"], ["greater_than", 3], ["greater_than", "3.5"],
    ["less_than", -1], ["before", "2024-01-01"], ["after", "2024-01-01T10:00:00Z"], ["after", "2024-01-01T10:00+02:00"],
    ["in_list", ["a", "b"]],
  ])("accepts %s with %j", (operator, value) => {
    expect(messages(group([attribute(operator, value)]))).toEqual([]);
  });

  it.each([
    ["equals", undefined, "Enter a value"],
    ["equals", "  ", "Enter a value"],
    ["equals", ["a"], "is one of"],
    ["contains", 5, "Enter the text"],
    ["starts_with", "", "Enter the text"],
    ["greater_than", "ten", "Enter a number."],
    ["less_than", true, "Enter a number."],
    ["before", "yesterday", "Enter a date"],
    ["after", "2024-02-30", "Enter a date"],
    ["after", 1734537424, "Enter a date"],
    ["in_list", [], "at least one value"],
    ["in_list", "a", "at least one value"],
    ["in_list", ["a", " "], "List values can't be empty."],
  ])("refuses %s with %j", (operator, value, message) => {
    expect(messages(group([attribute(operator, value)])).join(" ")).toContain(message);
  });

  it.each(["favorite_color", "custom.", "intercom.", "intercom. ", "Email", ""])("refuses the attribute name %j", (name) => {
    expect(messages(group([attribute("exists", undefined, name)])).length).toBeGreaterThan(0);
  });

  it.each(["intercom.email", "intercom.created_at", "intercom.favorite_color", "intercom.Signup Source", "email", "custom.favorite_color"])(
    "accepts the attribute name %j",
    (name) => {
      expect(messages(group([attribute("exists", undefined, name)]))).toEqual([]);
    },
  );

  it.each([
    ["custom.favorite_color", "intercom.favorite_color"],
    ["custom.Signup Source", "intercom.Signup Source"],
    ["email", "intercom.email"],
    ["intercom.favorite_color", "intercom.favorite_color"],
    // A custom attribute once called "email" can't be written as intercom.email (that is the standard field): kept.
    ["custom.email", "custom.email"],
  ])("reads and saves %j in the one naming as %j", (name, canonical) => {
    const parsed = ruleSchema.parse(group([attribute("exists", undefined, name)]));
    expect((parsed.children[0] as { attribute: string }).attribute).toBe(canonical);
  });

  it("needs a segment for is / is_not", () => {
    expect(messages(group([{ id: "s", type: "segment", group: "role", operator: "is_not" }]))).toEqual(["Choose a segment."]);
  });

  it("refuses unknown types, operators and combinators", () => {
    expect(messages(group([{ id: "x", type: "cookie", operator: "has" }])).length).toBe(1);
    expect(messages(group([{ ...tag("t"), operator: "is" }])).length).toBe(1);
    expect(messages(group([], "xor"))).toEqual(['Choose "all" (and) or "any" (or).']);
  });

  it("nests groups up to 4 levels, and says so past that", () => {
    const depth = (n: number): unknown => (n === 1 ? group([tag("t")]) : group([depth(n - 1)]));
    expect(messages(depth(4))).toEqual([]);
    expect(messages(depth(5))).toEqual(["Groups can be nested at most 4 levels deep."]);
    expect(messages(depth(5000))).toEqual(["Groups can be nested at most 4 levels deep."]);
  });

  it("caps the total number of conditions across groups", () => {
    const half = Array.from({ length: 30 }, (_, i) => tag(`a${i}`));
    const other = Array.from({ length: 30 }, (_, i) => tag(`b${i}`));
    expect(messages(group([group(half), group(other)]))).toEqual([`A rule can have at most ${MAX_RULE_CONDITIONS} conditions (this one has 60).`]);
    expect(messages(group(half.slice(0, 25).concat(other.slice(0, 25))))).toEqual([]);
  });

  it("requires unique condition ids", () => {
    expect(messages(group([tag("x"), group([tag("x")])]))).toEqual(['Condition id "x" is used twice; ids must be unique.']);
    expect(messages(group([{ ...tag(""), id: "" }]))).toEqual(["Every condition needs an id."]);
  });

  it("parses a single condition for the builder", () => {
    const node: RuleNode = conditionSchema.parse(tag("t"));
    expect(node.type).toBe("tag");
  });
});
