import { describe, expect, it } from "vitest";
import { describeAudit } from "./audit-text";

const entry = (action: string, target: string | null, details: Record<string, unknown> = {}) => ({ action, target, details, actorEmail: "ana@acme.test" });

describe("describeAudit", () => {
  it.each([
    [entry("personalization.created", "hero"), "ana@acme.test created the personalization for hero (draft)"],
    [entry("config.published", "v3", { changes: 1 }), "ana@acme.test published v3 (1 change)"],
    [entry("config.restored", "v1", { newVersion: "v4" }), "ana@acme.test restored v1 as v4"],
    [entry("publish_request.submitted", "req-1", { changes: 2 }), "ana@acme.test asked for review of 2 draft changes"],
    [entry("publish_request.approved", "req-1", { version: "v5" }), "ana@acme.test approved a publish request (published as v5)"],
    [entry("sync.retried", "ada@example.com", { previousStatus: "dead" }), "ana@acme.test retried a dead Intercom write for ada@example.com"],
    [entry("member.role_changed", "sam@acme.test", { from: "support", to: "admin" }), "ana@acme.test changed sam@acme.test from support to admin"],
  ])("%o", (input, text) => {
    expect(describeAudit(input)).toBe(text);
  });

  it("falls back to the action name for anything it doesn't know", () => {
    expect(describeAudit({ ...entry("something.new", "x"), actorEmail: null })).toBe("Someone: something.new (x)");
  });
});
