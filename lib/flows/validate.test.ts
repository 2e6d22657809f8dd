import { describe, expect, it } from "vitest";
import { demoFlow } from "@/lib/dev/seed-flow";
import { blankStep, flowSchema, type FlowStep } from "./schema";
import { validateFlow } from "./validate";

const questions = new Map([["describes_you", "What best describes you?"]]);
const kinds = (steps: FlowStep[]) => validateFlow({ steps }, questions).map((p) => `${p.kind}:${p.stepId}`);
const message = (id: string, defaultNext: string | null, branches: { next: string | null }[] = []): FlowStep => ({
  ...(blankStep("message", id) as Extract<FlowStep, { type: "message" }>),
  title: id,
  defaultNext,
  branches: branches.map((b, i) => ({ id: `${id}-b${i}`, rule: { type: "group", combinator: "and", children: [] }, next: b.next })),
});

describe("validateFlow", () => {
  it("accepts the demo flow", () => {
    expect(flowSchema.safeParse(demoFlow).success).toBe(true);
    expect(validateFlow(demoFlow, questions)).toEqual([]);
  });

  it("finds dangling branches and defaults", () => {
    expect(kinds([message("a", "gone", [{ next: "b" }, { next: "missing" }]), message("b", null)])).toEqual(["dangling:a", "dangling:a"]);
    const [problem] = validateFlow({ steps: [message("a", "gone")] }, questions);
    expect(problem!.message).toBe('Step 1 (a): "otherwise" goes to a step that doesn\'t exist. Choose where it goes.');
  });

  it("finds steps no path reaches from the first step", () => {
    expect(kinds([message("a", null), message("b", "c"), message("c", null)])).toEqual(["unreachable:b", "unreachable:c"]);
  });

  it("finds loops, through branches too, once per loop", () => {
    expect(kinds([message("a", "b"), message("b", "c"), message("c", null, [{ next: "a" }])])).toEqual(["loop:a"]);
    expect(validateFlow({ steps: [message("a", "a")] }, questions)[0]!.message).toBe(
      "Loop: Step 1 (a) → Step 1 (a). A flow must always move forward; send one of these steps elsewhere.",
    );
  });

  it("finds questions that are missing or no longer exist", () => {
    const asks = (questionKey: string): FlowStep => ({ id: "q", type: "question", questionKey, branches: [], defaultNext: null });
    expect(validateFlow({ steps: [asks("")] }, questions)[0]!.message).toBe("Step 1 (no question chosen) has no question. Choose one.");
    expect(validateFlow({ steps: [asks("deleted_q")] }, questions)[0]!.message).toContain('asks "deleted_q", which is no longer a question');
  });

  it("refuses duplicate step ids and bad links in the schema", () => {
    const dup = flowSchema.safeParse({ ...demoFlow, steps: [demoFlow.steps[0], demoFlow.steps[0]] });
    expect(dup.success).toBe(false);
    const bad = flowSchema.safeParse({ ...demoFlow, steps: [{ ...demoFlow.steps[2], url: "javascript:alert(1)" }] });
    expect(bad.error?.issues[0]?.message).toBe("Use a full http(s):// link or a path starting with /.");
  });
});
