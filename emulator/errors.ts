// Intercom's error envelope. Every non-2xx answer from the emulator goes through here so the
// shape (type, request_id, errors[].code/message) never drifts between routes.

export interface ErrorItem {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toItem(): ErrorItem {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message };
  }
}

export function errorEnvelope(requestId: string, errors: ErrorItem[]) {
  return { type: "error.list", request_id: requestId, errors };
}

export const invalidToken = () => new ApiError(401, "unauthorized", "Access Token Invalid");
export const tokenUnauthorized = () => new ApiError(401, "token_unauthorized", "Not authorized to access resource");
export const notFound = (message = "Resource Not Found") => new ApiError(404, "not_found", message);
export const parameterInvalid = (message: string, field?: string) => new ApiError(400, "parameter_invalid", message, field);
export const rateLimitExceeded = () => new ApiError(429, "rate_limit_exceeded", "You have exceeded the rate limit. Please try again later.");
export const notAcceptable = () =>
  new ApiError(406, "media_type_not_acceptable", "The Accept header should send a media type of application/json");
