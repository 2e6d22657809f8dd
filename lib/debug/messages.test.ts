import { describe, expect, it } from "vitest";
import {
  IntercomAuthError,
  IntercomNotFoundError,
  IntercomRateLimitedError,
  IntercomUnavailableError,
  IntercomValidationError,
} from "@/lib/intercom/errors";
import { UserFacingError } from "@/lib/errors";
import { explainIntercomFailure } from "./messages";

class NotConnectedError extends UserFacingError {}

describe("explainIntercomFailure", () => {
  it("names the kind of refusal for a write", () => {
    expect(explainIntercomFailure(new IntercomValidationError("wrong_type", "seats"), "write")).toBe(
      'Intercom refused: The value for "seats" does not match the attribute\'s type in Intercom. (type mismatch) Nothing was written.',
    );
    expect(explainIntercomFailure(new IntercomValidationError("unknown_attribute", "legacy_score"), "write")).toMatch(
      /^Intercom refused: Intercom has no writable contact attribute named "legacy_score".*\(archived or unknown attribute\) Nothing was written\.$/,
    );
  });

  it("gives the end of a rate-limit window as HH:MM:SS UTC", () => {
    const error = new IntercomRateLimitedError(new Date("2025-03-04T14:03:07.900Z"));
    expect(explainIntercomFailure(error, "write")).toBe("Intercom rate limited until 14:03:07 UTC. Nothing was written. Try again after that.");
  });

  it("tells support to reconnect when the token was revoked", () => {
    expect(explainIntercomFailure(new IntercomAuthError({ status: 401 }), "lookup")).toBe(
      "Intercom says the token was revoked: reconnect in Integrations → Intercom.",
    );
  });

  it("covers the remaining failures without Intercom's own text", () => {
    expect(explainIntercomFailure(new IntercomNotFoundError(), "lookup")).toMatch(/no such contact/);
    expect(explainIntercomFailure(new IntercomUnavailableError("timeout"), "lookup")).toBe("Intercom did not answer in time. Try again in a moment.");
    expect(explainIntercomFailure(new NotConnectedError("x"), "lookup")).toMatch(/Intercom is not connected/);
    expect(explainIntercomFailure(new Error("secret details"), "write")).toBe("Tailor could not finish the test write. Nothing was written.");
  });
});
