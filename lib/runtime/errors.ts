/**
 * The website runtime refused a visitor's request: it names something that isn't there or doesn't
 * fit. `code` is stable (the snippet API returns it as is) and the message is safe to show a
 * visitor; `reason` says which kind of refusal it is. Only the edge (lib/public-api/http.ts)
 * turns a reason into an HTTP status.
 */
export type VisitorRequestReason = "not_found" | "invalid" | "stale";

export type VisitorRequestCode = "unknown_question" | "invalid_answer" | "unknown_flow" | "unknown_step" | "invalid_action";

export class VisitorRequestError extends Error {
  constructor(
    readonly reason: VisitorRequestReason,
    readonly code: VisitorRequestCode,
    message: string,
  ) {
    super(message);
    this.name = "VisitorRequestError";
  }
}
