import { describe, expect, it } from "vitest";
import type { EvaluationContext, RuleContact } from "@/lib/rules/evaluate";
import { identityOf, previewDocument, previewDraft, previewPersonalizationSchema } from "./preview-result";
import type { PersonalizationDraft } from "./schema";

const ada: RuleContact = {
  standard: { id: "c1", email: "ada@example.com", name: "Ada Lovelace", role: "user" },
  custom: { favorite_color: "teal", seats: 12 },
  tags: ["vip", "customer"],
};
const mallory: RuleContact = { standard: { id: "c2", email: "mallory@example.com" }, custom: { favorite_color: "<script>alert(1)</script>" }, tags: [] };
const contextOf = (contact: RuleContact): EvaluationContext => ({ intercom: { available: true, contact }, segments: {} });

const draft: PersonalizationDraft = {
  placementKey: "hero",
  name: "Hero",
  holdoutPercent: 0,
  primaryGoal: null,
  defaultHtml: '<p>Hello, fan of {{intercom.favorite_color | fallback: "color"}}</p>',
  variants: [
    { id: "v-big", name: "Big teams", rule: { type: "group", combinator: "and", children: [{ id: "c-seats", type: "attribute", attribute: "intercom.seats", operator: "greater_than", value: 50 }] }, html: "<p>Big</p>" },
    { id: "v-vip", name: "VIP", rule: { type: "group", combinator: "and", children: [{ id: "c-vip", type: "tag", operator: "has", tag: "vip" }] }, html: "<p>VIP in {{intercom.favorite_color}}</p>" },
    { id: "v-all", name: "Everyone", rule: { type: "group", combinator: "and", children: [] }, html: "<p>All</p>" },
  ],
};

describe("previewDraft", () => {
  it("picks the first matching variant but traces every variant", () => {
    const result = previewDraft(draft, contextOf(ada));
    expect(result.winner).toEqual({ id: "v-vip", name: "VIP" });
    expect(result.variants.map((v) => [v.name, v.matched, v.isWinner])).toEqual([
      ["Big teams", false, false],
      ["VIP", true, true],
      ["Everyone", true, false],
    ]);
    expect(result.variants[0]!.rows).toEqual([
      { depth: 0, kind: "group", text: "All of these", matched: false },
      { depth: 1, kind: "condition", text: "seats is greater than 50", matched: false, seen: "12" },
    ]);
    expect(result.variants[1]!.rows[1]).toMatchObject({ text: "has tag vip", matched: true, seen: '["vip","customer"]' });
    expect(result.html).toBe("<p>VIP in teal</p>");
    expect(result.tags).toEqual([{ expression: "{{intercom.favorite_color}}", path: "intercom.favorite_color", value: "teal", usedFallback: false }]);
  });

  it("falls back to the default content and reports fallbacks", () => {
    const noMatch = { ...draft, variants: draft.variants.slice(0, 1) };
    const result = previewDraft(noMatch, contextOf({ ...ada, custom: {} }));
    expect(result.winner).toBeNull();
    expect(result.html).toBe("<p>Hello, fan of color</p>");
    expect(result.tags[0]).toMatchObject({ value: "color", usedFallback: true });
    expect(result.variants[0]!.rows[1]).toMatchObject({ matched: false, reason: "the contact has no value" });
  });

  it("escapes contact values in the rendered HTML", () => {
    const result = previewDraft({ ...draft, variants: [] }, contextOf(mallory));
    expect(result.html).toBe("<p>Hello, fan of &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(result.tags[0]!.value).toBe("<script>alert(1)</script>");
  });

  it("reports unreadable merge tags of the rendered template", () => {
    const result = previewDraft({ ...draft, variants: [], defaultHtml: "Hi {{intercom.name" }, contextOf(ada));
    expect(result.problems).toHaveLength(1);
  });
});

describe("preview input", () => {
  it("reads an email or an Intercom contact id", () => {
    expect(identityOf(" Ada@Example.com ")).toEqual({ email: "ada@example.com" });
    expect(identityOf("e89f82de75d4e26d8ff59f50")).toEqual({ intercomContactId: "e89f82de75d4e26d8ff59f50" });
  });

  it("refuses contacts that are neither", () => {
    const parsed = previewPersonalizationSchema.safeParse({ contact: "../../admins", personalization: draft });
    expect(parsed.success).toBe(false);
    expect(previewPersonalizationSchema.safeParse({ contact: "not@an email", personalization: draft }).success).toBe(false);
    expect(previewPersonalizationSchema.safeParse({ contact: "ada@example.com", personalization: draft }).success).toBe(true);
  });

  it("wraps content in a document that allows no scripts or network", () => {
    expect(previewDocument("<p>x</p>")).toContain("default-src 'none'");
    expect(previewDocument("<p>x</p>")).toContain("<body><p>x</p></body>");
  });
});
