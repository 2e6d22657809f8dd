import { formatTime } from "@/lib/format";
import {
  IntercomAuthError,
  IntercomNotFoundError,
  IntercomPermissionError,
  IntercomRateLimitedError,
  IntercomUnavailableError,
  IntercomValidationError,
} from "@/lib/intercom/errors";

// One sentence per failure, saying what support can do about it. Built only from our typed
// errors' fixed messages, attribute names and times: never Intercom's prose or the token.

export const utcTime = formatTime;

export const TOKEN_REVOKED = "Intercom says the token was revoked: reconnect in Integrations → Intercom.";

/** What went wrong talking to Intercom, for a lookup or a test write. */
export function explainIntercomFailure(error: unknown, during: "lookup" | "write"): string {
  const nothingWritten = during === "write" ? " Nothing was written." : "";
  // By name: lib/intercom-integration/connection pulls in the database, and this module stays pure.
  if (error instanceof Error && error.name === "NotConnectedError") return "Intercom is not connected. Connect it in Integrations → Intercom first.";
  if (error instanceof IntercomValidationError) {
    const why =
      error.reason === "wrong_type"
        ? " (type mismatch)"
        : error.reason === "unknown_attribute"
          ? " (archived or unknown attribute)"
          : "";
    return `Intercom refused: ${error.message}${why}${nothingWritten}`;
  }
  if (error instanceof IntercomRateLimitedError) return `Intercom rate limited until ${utcTime(error.resetAt)}.${nothingWritten} Try again after that.`;
  if (error instanceof IntercomAuthError) return `${TOKEN_REVOKED}${nothingWritten}`;
  if (error instanceof IntercomPermissionError) {
    return `The token can't ${during === "write" ? "write to" : "read"} contacts (missing permission): grant it in Intercom's Developer Hub, then reconnect.${nothingWritten}`;
  }
  if (error instanceof IntercomNotFoundError) return `Intercom has no such contact (it may have been deleted or merged).${nothingWritten}`;
  if (error instanceof IntercomUnavailableError) return `${error.message}${nothingWritten}`;
  return `Tailor could not finish the ${during === "write" ? "test write" : "lookup"}.${nothingWritten}`;
}
