// What the website snippet receives for a flow: one step at a time, ready to render. Titles and
// labels are plain text (the snippet sets textContent); bodyHtml is escaped text with merge tags
// filled in on the server, safe for innerHTML. Rules and Intercom data never leave the server.

export type AnswerOption = { key: string; label: string };

export type StepView =
  | { id: string; type: "question"; title: string; selection: "single" | "multi"; answers: AnswerOption[] }
  | { id: string; type: "message"; title: string; bodyHtml: string; buttonLabel: string }
  | { id: string; type: "cta"; title: string; bodyHtml: string; buttonLabel: string; url: string }
  | { id: string; type: "end"; title: string; bodyHtml: string };

/** The step a visitor sees now. */
export type FlowPrompt = { key: string; name: string; step: StepView };

/** What the widget reports back: answer a question, go past a message or CTA, click a CTA, close. */
export const FLOW_ACTIONS = ["answer", "continue", "cta", "dismiss"] as const;
export type FlowAction = (typeof FLOW_ACTIONS)[number];
