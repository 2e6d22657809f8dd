import { z } from "zod";
import { blankStep, everyone, flowKeySchema, flowSchema, newStepId, type FlowDraft } from "./schema";

// The "New flow" form: a name, a key and the first question. The action still parses the whole
// flow with flowSchema; these fields reuse its rules so both sides give the same messages.

export const newFlowSchema = z.object({
  name: flowSchema.shape.name,
  key: flowKeySchema,
  /** Empty when the workspace has no questions yet: the flow then starts with a message. */
  questionKey: z.string(),
});
export type NewFlowInput = z.input<typeof newFlowSchema>;

/** A key from a name: "Welcome survey!" → "welcome-survey". */
export function slugifyKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

/** A sensible start: the chosen question (or a welcome message), then an end step. Off until the user turns it on. */
export function starterFlow(input: z.output<typeof newFlowSchema>): FlowDraft {
  const endId = newStepId();
  const first = input.questionKey
    ? { id: newStepId(), type: "question" as const, questionKey: input.questionKey, branches: [], defaultNext: endId }
    : { id: newStepId(), type: "message" as const, title: "Hi there!", body: "", buttonLabel: "Continue", branches: [], defaultNext: endId };
  return { key: input.key, name: input.name, enabled: false, audience: everyone, steps: [first, blankStep("end", endId)] };
}
