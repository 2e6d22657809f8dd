import { describe, expect, it } from "vitest";
import { demoFlow } from "@/lib/dev/seed-flow";
import type { EvaluationContext, RuleContact } from "@/lib/rules/evaluate";
import { renderStep, resolveStep, type QuestionFacts } from "./engine";

const questions = new Map<string, QuestionFacts>([
  ["describes_you", { key: "describes_you", text: "What best describes you?", groupKey: "role", selection: "single", answers: [{ key: "founder", label: "Founder" }] }],
]);
const customer: RuleContact = { standard: { name: "Ada <b>" }, custom: {}, tags: ["Customer"] };
const ctx = (segments: Record<string, string[]>, contact?: RuleContact): EvaluationContext => ({
  intercom: contact ? { available: true, contact } : { available: false },
  segments,
});

describe("resolveStep", () => {
  it("shows an unanswered question", () => {
    expect(resolveStep(demoFlow, "role", ctx({}), questions)).toMatchObject({ step: { id: "role" }, skipped: [] });
  });

  it("skips a known question and routes by its branches (tags compare case-insensitively)", () => {
    expect(resolveStep(demoFlow, "role", ctx({ role: ["founder"] }, customer), questions)).toMatchObject({ step: { id: "customer-welcome" }, skipped: ["role"] });
    expect(resolveStep(demoFlow, "role", ctx({ role: ["founder"] }), questions)).toMatchObject({ step: { id: "trial" }, skipped: ["role"] });
  });

  it("passes over a question that no longer exists, and ends at null or a missing step", () => {
    expect(resolveStep(demoFlow, "role", ctx({}), new Map())).toMatchObject({ step: { id: "trial" }, skipped: [] });
    expect(resolveStep(demoFlow, null, ctx({}), questions)).toEqual({ step: null, skipped: [] });
    expect(resolveStep(demoFlow, "nowhere", ctx({}), questions)).toEqual({ step: null, skipped: [] });
  });

  it("stops on a loop instead of spinning", () => {
    const loop = { steps: [{ id: "q", type: "question" as const, questionKey: "describes_you", branches: [], defaultNext: "q" }] };
    expect(resolveStep(loop, "q", ctx({ role: ["founder"] }), questions)).toEqual({ step: null, skipped: ["q"] });
  });
});

describe("renderStep", () => {
  it("escapes the body text and fills merge tags; titles stay plain text", () => {
    const view = renderStep({ ...demoFlow.steps[1]!, title: "<Hi>" } as (typeof demoFlow.steps)[number], ctx({}, customer), questions);
    expect(view).toMatchObject({ type: "message", title: "<Hi>" });
    expect(view && "bodyHtml" in view && view.bodyHtml).toBe("Thanks for being a customer, Ada &lt;b&gt;. Your new reports are ready in the dashboard.");
  });
});

describe("previewFlows", () => {
  it("says where each enabled flow starts for a context, and what it skips, without recording anything", async () => {
    const { previewFlows } = await import("./engine");
    const known = ctx({ role: ["founder"] }, { ...customer, standard: { ...customer.standard, email: "ada@example.com" } });
    expect(previewFlows([demoFlow, { ...demoFlow, key: "off", enabled: false }], known, questions)).toEqual([
      { key: "welcome", name: "Welcome", offered: true, startsAt: "Step 2 (Welcome back!)", skipped: ["Step 1 (What best describes you?)"] },
    ]);
    expect(previewFlows([demoFlow], ctx({}), questions)).toEqual([
      { key: "welcome", name: "Welcome", offered: false, startsAt: "Step 1 (What best describes you?)", skipped: [] },
    ]);
  });
});
