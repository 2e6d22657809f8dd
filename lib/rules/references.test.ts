import { describe, expect, it } from "vitest";
import { describeReferenceProblem, ruleAttributeState, ruleReferenceProblems, tagState, templateReferenceProblems, type IntercomCatalogue } from "./references";
import type { Rule } from "./schema";

const catalogue: IntercomCatalogue = {
  tags: ["vip", "Customer"],
  attributes: [
    { name: "favorite_color", label: "Favorite color", dataType: "string", custom: true, archived: false, writable: true },
    { name: "old_plan", label: "Old plan", dataType: "string", custom: true, archived: true, writable: true },
  ],
};
const unknown: IntercomCatalogue = { tags: null, attributes: null };

const rule = (children: Rule["children"]): Rule => ({ type: "group", combinator: "and", children });

describe("Intercom references", () => {
  it("knows tags case-insensitively and flags typos", () => {
    expect(tagState(catalogue, "customer")).toBe("ok");
    expect(tagState(catalogue, " VIP ")).toBe("ok");
    expect(tagState(catalogue, "custmer")).toBe("missing");
    expect(tagState(unknown, "custmer")).toBe("unchecked");
  });

  it("checks attributes in the one naming and in older spellings; standard fields always exist", () => {
    expect(ruleAttributeState(catalogue, "intercom.favorite_color")).toBe("ok");
    expect(ruleAttributeState(catalogue, "custom.Favorite_Color")).toBe("ok");
    expect(ruleAttributeState(catalogue, "intercom.email")).toBe("ok");
    expect(ruleAttributeState(unknown, "intercom.email")).toBe("ok");
    expect(ruleAttributeState(catalogue, "intercom.favourite_colour")).toBe("missing");
    expect(ruleAttributeState(catalogue, "intercom.old_plan")).toBe("archived");
    expect(ruleAttributeState(unknown, "intercom.favourite_colour")).toBe("unchecked");
  });

  it("lists each problem of a nested rule once", () => {
    const problems = ruleReferenceProblems(
      rule([
        { id: "a", type: "tag", operator: "has", tag: "custmer" },
        { type: "group", combinator: "or", children: [{ id: "b", type: "tag", operator: "has_not", tag: "Custmer" }] },
        { id: "c", type: "attribute", attribute: "intercom.old_plan", operator: "exists" },
        { id: "d", type: "segment", group: "role", operator: "is_known" },
        { id: "e", type: "tag", operator: "has", tag: "vip" },
      ]),
      catalogue,
    );
    expect(problems.map(describeReferenceProblem)).toEqual(['tag "custmer" is not in Intercom', 'attribute "old_plan" is archived in Intercom']);
  });

  it("flags merge tags naming attributes Intercom doesn't have, not segments or malformed tags", () => {
    const template = '<p>{{intercom.favourite_colour | fallback: "blue"}} {{ intercom.favorite_color }} {{intercom.name}} {{segment.role}} {{intercom.</p>';
    expect(templateReferenceProblems(template, catalogue).map(describeReferenceProblem)).toEqual(["merge tag {{intercom.favourite_colour}} is not in Intercom"]);
    expect(templateReferenceProblems(template, unknown)).toEqual([]);
  });
});
