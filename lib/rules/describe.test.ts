import { describe, expect, it } from "vitest";
import { describeCondition, describeRule } from "./describe";
import { emptyRule, type Condition, type Rule } from "./schema";

const vip: Condition = { id: "1", type: "tag", operator: "has", tag: "vip" };
const teal: Condition = { id: "2", type: "attribute", attribute: "custom.favorite_color", operator: "equals", value: "teal" };
const founder: Condition = { id: "3", type: "segment", group: "role", operator: "is", segment: "founder" };

describe("describeCondition", () => {
  it.each<[Condition, string]>([
    [vip, "has tag vip"],
    [{ ...vip, operator: "has_not", tag: "Beta tester" }, 'does not have tag "Beta tester"'],
    [teal, "favorite_color equals teal"],
    [{ ...teal, attribute: "custom.Signup Source", value: "Paid ads" }, '"Signup Source" equals "Paid ads"'],
    [{ ...teal, attribute: "email", operator: "contains", value: "@acme.com" }, "email contains @acme.com"],
    [{ ...teal, operator: "not_equals" }, "favorite_color does not equal teal"],
    [{ ...teal, operator: "exists", value: "ignored" }, "favorite_color is set"],
    [{ ...teal, operator: "is_empty" }, "favorite_color is empty"],
    [{ ...teal, attribute: "custom.seats", operator: "greater_than", value: 10 }, "seats is greater than 10"],
    [{ ...teal, attribute: "created_at", operator: "before", value: "2025-01-01" }, "created_at is before 2025-01-01"],
    [{ ...teal, operator: "in_list", value: ["red", "sky blue"] }, 'favorite_color is one of [red, "sky blue"]'],
    [{ ...teal, attribute: "custom.beta", value: true }, "beta equals true"],
    [founder, "segment role is founder"],
    [{ ...founder, operator: "is_not" }, "segment role is not founder"],
    [{ id: "4", type: "segment", group: "role", operator: "is_known" }, "segment role is known"],
    [{ id: "4", type: "segment", group: "role", operator: "is_unknown" }, "segment role is unknown"],
  ])("%j → %s", (condition, text) => {
    expect(describeCondition(condition)).toBe(text);
  });
});

describe("describeRule", () => {
  it("joins with AND/OR and parenthesises nested groups", () => {
    const rule: Rule = { type: "group", combinator: "and", children: [vip, { type: "group", combinator: "or", children: [teal, founder] }] };
    expect(describeRule(rule)).toBe("has tag vip AND (favorite_color equals teal OR segment role is founder)");
  });

  it("unwraps single-child groups and names empty ones by what they match", () => {
    expect(describeRule({ type: "group", combinator: "or", children: [{ type: "group", combinator: "and", children: [vip] }] })).toBe("has tag vip");
    expect(describeRule(emptyRule())).toBe("everyone");
    expect(describeRule({ type: "group", combinator: "or", children: [] })).toBe("no one");
    expect(describeRule({ type: "group", combinator: "and", children: [vip, { type: "group", combinator: "or", children: [] }] })).toBe("has tag vip AND no one");
  });

  it("quotes values that would read ambiguously", () => {
    expect(describeCondition({ ...teal, value: "teal AND vip" })).toBe('favorite_color equals "teal AND vip"');
    expect(describeCondition({ ...teal, value: 'say "hi"' })).toBe('favorite_color equals "say \\"hi\\""');
  });
});
