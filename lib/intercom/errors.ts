// Typed Intercom failures the UI can explain. Never put the access token, request headers or
// Intercom's raw message text into these errors: messages are fixed strings chosen here, and the
// only variable parts are attribute names, regions, status codes and request ids.
import { UserFacingError } from "@/lib/errors";
import type { IntercomRegion } from "./regions";

export type IntercomErrorKind =
  | "invalid_token"
  | "permission"
  | "region_mismatch"
  | "not_found"
  | "validation"
  | "rate_limited"
  | "unavailable";

export interface IntercomErrorDetails {
  status?: number;
  requestId?: string;
  /** Intercom's `errors[0].code`, for logs and tests (never its message). */
  code?: string;
}

/** Base of every Intercom failure; its message is always safe to show, hence UserFacingError. */
export abstract class IntercomError extends UserFacingError {
  abstract readonly kind: IntercomErrorKind;
  readonly status?: number;
  readonly requestId?: string;
  readonly code?: string;

  protected constructor(message: string, details: IntercomErrorDetails = {}, uiDetails?: Record<string, string>) {
    super(message, { details: uiDetails });
    this.status = details.status;
    this.requestId = details.requestId;
    this.code = details.code;
  }

  toJSON() {
    return { name: this.name, kind: this.kind, message: this.message, status: this.status, requestId: this.requestId, code: this.code };
  }
}

export class IntercomAuthError extends IntercomError {
  readonly kind = "invalid_token";
  constructor(details?: IntercomErrorDetails) {
    super("Intercom rejected the access token. Check that it was copied completely and has not been revoked.", details);
  }
}

export class IntercomPermissionError extends IntercomError {
  readonly kind = "permission";
  constructor(details?: IntercomErrorDetails) {
    super("The access token is valid but lacks the permission for this action. Grant the missing scope in the Developer Hub.", details);
  }
}

export class IntercomRegionMismatchError extends IntercomError {
  readonly kind = "region_mismatch";
  constructor(
    readonly expected: IntercomRegion,
    readonly actual: IntercomRegion,
    details?: IntercomErrorDetails,
  ) {
    super(`This token belongs to a workspace hosted in the ${actual} region, not ${expected}. Choose ${actual} and try again.`, details, {
      expected,
      actual,
    });
  }

  override toJSON() {
    return { ...super.toJSON(), expected: this.expected, actual: this.actual };
  }
}

export class IntercomNotFoundError extends IntercomError {
  readonly kind = "not_found";
  constructor(details?: IntercomErrorDetails) {
    super("Intercom could not find that record. It may have been deleted or merged.", details);
  }
}

export type ValidationReason = "unknown_attribute" | "wrong_type" | "bad_name" | "duplicate" | "limit" | "other";

const VALIDATION_MESSAGES: Record<ValidationReason, (attribute?: string) => string> = {
  unknown_attribute: (a) => `Intercom has no writable contact attribute${a ? ` named "${a}"` : ""}. It may have been archived or renamed.`,
  wrong_type: (a) => `The value for${a ? ` "${a}"` : " an attribute"} does not match the attribute's type in Intercom.`,
  bad_name: () => "Attribute names may not contain . $ ~ ` ! @ # % ^ & * ' { } | \\ or \".",
  duplicate: (a) => `An attribute${a ? ` named "${a}"` : " with that name"} already exists in Intercom (names are case-insensitive).`,
  limit: () => "The workspace has reached Intercom's limit of 250 custom attributes. Archive one to free a slot.",
  other: () => "Intercom rejected the request as invalid.",
};

export class IntercomValidationError extends IntercomError {
  readonly kind = "validation";
  constructor(
    readonly reason: ValidationReason,
    readonly attribute?: string,
    details?: IntercomErrorDetails,
  ) {
    super(VALIDATION_MESSAGES[reason](attribute), details, attribute ? { reason, attribute } : { reason });
  }

  override toJSON() {
    return { ...super.toJSON(), reason: this.reason, attribute: this.attribute };
  }
}

export class IntercomRateLimitedError extends IntercomError {
  readonly kind = "rate_limited";
  constructor(
    readonly resetAt: Date,
    details?: IntercomErrorDetails,
  ) {
    super(`Intercom's rate limit was reached. Try again after ${resetAt.toISOString()}.`, details, { resetAt: resetAt.toISOString() });
  }

  override toJSON() {
    return { ...super.toJSON(), resetAt: this.resetAt.toISOString() };
  }
}

export type UnavailableReason = "server_error" | "timeout" | "network" | "bad_response";

export class IntercomUnavailableError extends IntercomError {
  readonly kind = "unavailable";
  constructor(
    readonly reason: UnavailableReason,
    details?: IntercomErrorDetails,
  ) {
    super(
      reason === "timeout"
        ? "Intercom did not answer in time. Try again in a moment."
        : reason === "bad_response"
          ? "Intercom sent a response Tailor could not read."
          : "Intercom is unavailable right now. Try again in a moment.",
      details,
    );
  }

  override toJSON() {
    return { ...super.toJSON(), reason: this.reason };
  }
}

export function isIntercomError(error: unknown): error is IntercomError {
  return error instanceof IntercomError;
}
