import { evaluateRule, ruleMatches, type EvaluationContext } from "@/lib/rules/evaluate";
import { renderMergeTags } from "@/lib/rules/merge-tags";
import type { AnswerOption, StepView } from "./prompt";
import type { FlowDraft, FlowStep, RoutedStep } from "./schema";
import { stepLabel } from "./validate";

// Pure flow logic: where a visitor goes next and what the widget shows. The runtime (runtime.ts)
// supplies the evaluation context: the visitor's segments (answers, then what the Intercom contact's
// mapped fields say) and the contact's tags and attributes.

export type QuestionFacts = { key: string; text: string; groupKey: string; selection: "single" | "multi"; answers: AnswerOption[] };

/** The first branch whose rule matches, else the default; null finishes the flow. */
export function nextStepId(step: RoutedStep, context: EvaluationContext): string | null {
  return step.branches.find((branch) => ruleMatches(branch.rule, context))?.next ?? step.defaultNext;
}

export type Resolution = {
  /** The step to show, or null: the flow is over for this visitor. */
  step: FlowStep | null;
  /** Question steps passed over because the visitor's group was already known, in order. */
  skipped: string[];
};

/**
 * From `startId`, the first step worth showing: a question whose segment group is already known
 * is skipped (its branches still route, with what is known). A question that no longer exists is
 * passed over the same way. Published flows have no loops; a visited set guards anyway.
 */
export function resolveStep(flow: Pick<FlowDraft, "steps">, startId: string | null, context: EvaluationContext, questions: ReadonlyMap<string, QuestionFacts>): Resolution {
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const skipped: string[] = [];
  const visited = new Set<string>();
  let id = startId;
  while (id !== null && !visited.has(id)) {
    visited.add(id);
    const step = byId.get(id);
    if (!step) break;
    if (step.type !== "question") return { step, skipped };
    const question = questions.get(step.questionKey);
    if (question && !isKnown(context, question.groupKey)) return { step, skipped };
    if (question) skipped.push(step.id);
    id = nextStepId(step, context);
  }
  return { step: null, skipped };
}

export function isKnown(context: EvaluationContext, groupKey: string): boolean {
  return Object.hasOwn(context.segments, groupKey) && (context.segments[groupKey]?.length ?? 0) > 0;
}

/** The step as the widget renders it: texts, answer options, bodies with merge tags filled in. */
export function renderStep(step: FlowStep, context: EvaluationContext, questions: ReadonlyMap<string, QuestionFacts>): StepView | null {
  const body = (text: string) => renderMergeTags(text, context, { plainText: true }).html;
  switch (step.type) {
    case "question": {
      const question = questions.get(step.questionKey);
      if (!question) return null;
      return { id: step.id, type: "question", title: question.text, selection: question.selection, answers: question.answers };
    }
    case "message":
      return { id: step.id, type: "message", title: step.title, bodyHtml: body(step.body), buttonLabel: step.buttonLabel };
    case "cta":
      return { id: step.id, type: "cta", title: step.title, bodyHtml: body(step.body), buttonLabel: step.buttonLabel, url: step.url };
    case "end":
      return { id: step.id, type: "end", title: step.title, bodyHtml: body(step.body) };
  }
}

export type FlowPreview = {
  key: string;
  name: string;
  /** The audience rule matched (a visitor who finished or closed the flow is still not offered it again). */
  offered: boolean;
  /** The first step shown, as "Step 2 (Welcome back!)"; null when nothing is left to show. */
  startsAt: string | null;
  /** Questions passed over because the answer is known, as step labels. */
  skipped: string[];
};

/** What a visitor with this context would be offered by each enabled flow, without recording anything. */
export function previewFlows(flows: FlowDraft[], context: EvaluationContext, questions: ReadonlyMap<string, QuestionFacts>): FlowPreview[] {
  const texts = new Map([...questions].map(([key, q]) => [key, q.text]));
  return flows
    .filter((flow) => flow.enabled && flow.steps.length > 0)
    .map((flow) => {
      const label = (id: string) => {
        const index = flow.steps.findIndex((s) => s.id === id);
        return stepLabel(flow.steps[index]!, index, texts);
      };
      const offered = evaluateRule(flow.audience, context).matched;
      const { step, skipped } = resolveStep(flow, flow.steps[0]!.id, context, questions);
      return { key: flow.key, name: flow.name, offered, startsAt: step && step.type !== "end" ? label(step.id) : null, skipped: skipped.map(label) };
    });
}
