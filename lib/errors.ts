/**
 * Errors whose message is safe to show to the user. Anything else that reaches an action boundary
 * is logged with a reference id and replaced by a generic message (lib/action.ts).
 */
export class UserFacingError extends Error {
  readonly fieldErrors?: Record<string, string>;
  /** Extra facts for the UI, e.g. a suggested fix; must be safe to send to the browser. */
  readonly details?: Record<string, string>;
  constructor(message: string, opts: { fieldErrors?: Record<string, string>; details?: Record<string, string> } = {}) {
    super(message);
    this.name = new.target.name;
    this.fieldErrors = opts.fieldErrors;
    this.details = opts.details;
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(message = "You don't have permission to do that.") {
    super(message);
  }
}

export class NotFoundError extends UserFacingError {
  constructor(message = "Not found.") {
    super(message);
  }
}

/** A rule of the domain was broken (e.g. removing the last owner); optionally tied to a field. */
export class RuleViolationError extends UserFacingError {}
