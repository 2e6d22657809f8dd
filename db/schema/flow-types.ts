/**
 * What a flow event records: a step shown (view), answered, continued past (message/cta "next"),
 * a call to action clicked, a question skipped because the answer was known, the widget closed
 * (dismiss), and the flow finished (complete).
 */
export const FLOW_EVENT_KINDS = ["view", "answer", "continue", "cta", "skip", "dismiss", "complete"] as const;
export type FlowEventKind = (typeof FLOW_EVENT_KINDS)[number];
