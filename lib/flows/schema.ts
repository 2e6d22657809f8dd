import { z } from "zod";
import { ruleSchema, type Rule } from "@/lib/rules/schema";

// A Flow: ordered steps the snippet shows as a small on-site widget. The first step is the start;
// each step picks its next step by its branches (first matching rule wins) or its default.
// `next: null` finishes the flow. Drafts may be incomplete; validate.ts decides what can go live.

export const MAX_STEPS = 30;
export const MAX_BRANCHES = 10;
export const STEP_TYPES = ["question", "message", "cta", "end"] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const stepTypeLabels: Record<StepType, string> = {
  question: "Question",
  message: "Message",
  cta: "Call to action",
  end: "End",
};

export const flowKeySchema = z
  .string()
  .trim()
  .min(1, "Enter a flow key.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lowercase letters, digits, - and _ (it goes in data-tailor-flow=\"…\").");

const stepIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Step ids use letters, digits, - and _.");
/** A step id, or null: finish the flow. An id that names no step is a dangling branch (validate.ts). */
const nextSchema = z.string().max(64).nullable();

export const branchSchema = z.object({
  id: z.string().min(1).max(64),
  rule: ruleSchema,
  next: nextSchema,
});
export type Branch = z.output<typeof branchSchema>;

const title = z.string().trim().min(1, "Enter a title.").max(120, "Use at most 120 characters.");
const body = z.string().trim().max(1000, "Use at most 1000 characters.");
const buttonLabel = z.string().trim().min(1, "Enter the button's label.").max(40, "Use at most 40 characters.");
const routing = {
  branches: z.array(branchSchema).max(MAX_BRANCHES, `At most ${MAX_BRANCHES} branches per step.`),
  defaultNext: nextSchema,
};

const questionStepSchema = z.object({
  id: stepIdSchema,
  type: z.literal("question"),
  /** A question of the Segments page; its answers assign segments of its group. */
  questionKey: z.string().trim().min(1, "Choose a question.").max(64),
  ...routing,
});

const messageStepSchema = z.object({
  id: stepIdSchema,
  type: z.literal("message"),
  title,
  /** Plain text; {{intercom.…}} merge tags are filled in (escaped) on the server. */
  body,
  buttonLabel,
  ...routing,
});

const ctaStepSchema = z.object({
  id: stepIdSchema,
  type: z.literal("cta"),
  title,
  body,
  buttonLabel,
  url: z
    .string()
    .trim()
    .min(1, "Enter the link.")
    .max(2048, "That link is too long.")
    .refine((url) => /^(https?:\/\/|\/)/i.test(url), "Use a full http(s):// link or a path starting with /."),
  ...routing,
});

const endStepSchema = z.object({
  id: stepIdSchema,
  type: z.literal("end"),
  /** The closing message; empty closes the widget at once. */
  title: z.string().trim().max(120, "Use at most 120 characters."),
  body,
});

export const stepSchema = z.discriminatedUnion("type", [questionStepSchema, messageStepSchema, ctaStepSchema, endStepSchema]);
export type FlowStep = z.output<typeof stepSchema>;
export type QuestionStep = z.output<typeof questionStepSchema>;
export type RoutedStep = Exclude<FlowStep, { type: "end" }>;

export const flowSchema = z
  .object({
    key: flowKeySchema,
    name: z.string().trim().min(1, "Name this flow.").max(80, "Use at most 80 characters."),
    /** Off: kept in the configuration, never shown. */
    enabled: z.boolean(),
    /** Who is offered the flow; an empty rule offers it to every visitor. */
    audience: ruleSchema,
    steps: z.array(stepSchema).min(1, "A flow needs at least one step.").max(MAX_STEPS, `A flow has at most ${MAX_STEPS} steps.`),
  })
  .superRefine((flow, ctx) => {
    const seen = new Set<string>();
    flow.steps.forEach((step, index) => {
      if (seen.has(step.id)) ctx.addIssue({ code: "custom", path: ["steps", index, "id"], message: `Step id "${step.id}" is used twice.` });
      seen.add(step.id);
    });
  });
export type FlowInput = z.input<typeof flowSchema>;
export type FlowDraft = z.output<typeof flowSchema>;

export const saveFlowSchema = z.object({ id: z.string().min(1).optional(), flow: flowSchema });
export const deleteFlowSchema = z.object({ id: z.string().min(1) });

export function isRouted(step: FlowStep): step is RoutedStep {
  return step.type !== "end";
}

/** Where a step can go: its branches' targets, then its default. */
export function targetsOf(step: FlowStep): (string | null)[] {
  return isRouted(step) ? [...step.branches.map((b) => b.next), step.defaultNext] : [];
}

export function newStepId(): string {
  return `s-${Math.random().toString(36).slice(2, 10)}`;
}

export function blankStep(type: StepType, id = newStepId()): FlowStep {
  const routing = { branches: [], defaultNext: null };
  switch (type) {
    case "question":
      return { id, type, questionKey: "", ...routing };
    case "message":
      return { id, type, title: "", body: "", buttonLabel: "Continue", ...routing };
    case "cta":
      return { id, type, title: "", body: "", buttonLabel: "Learn more", url: "", ...routing };
    case "end":
      return { id, type, title: "Thanks!", body: "" };
  }
}

export const everyone: Rule = { type: "group", combinator: "and", children: [] };
