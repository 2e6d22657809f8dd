import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./redact";
import { buildDiagnosticReport } from "./report";
import { createCallRecorder } from "./telemetry";
import type { LookupResult } from "./types";

const TOKEN = "dG9rOjI4NzE4ZmZmXzMwNjM6OGU5NWZhNmJkMTc2YjgwMDVmMjdkNGIxMmY2ZWQzZDNhZmRlZDgzYQ==";

describe("redactSecrets", () => {
  it("blanks secret keys, bearer headers, Intercom tokens and given secrets, at any depth", () => {
    const out = redactSecrets(
      {
        headers: { Authorization: `Bearer ${TOKEN}`, "Intercom-Version": "2.14" },
        nested: [{ note: `token was ${TOKEN}`, access_token: "abc" }],
        text: "Bearer sk_live_123 and then some",
        other: "plain-secret-value",
      },
      ["plain-secret-value"],
    );
    expect(out.headers).toEqual({ Authorization: REDACTED, "Intercom-Version": "2.14" });
    expect(out.nested[0]).toEqual({ note: `token was ${REDACTED}`, access_token: REDACTED });
    expect(out.text).toBe(`Bearer ${REDACTED} and then some`);
    expect(out.other).toBe(REDACTED);
  });
});

describe("the diagnostic report", () => {
  it("never contains the token, wherever it sneaked in", async () => {
    const rec = createCallRecorder(() => new Date("2025-01-01T00:00:00Z"));
    rec.onResponse({ method: "GET", path: "/contacts/abc", status: 200, requestId: "req_1", rateLimit: { limit: 10, remaining: 9 }, durationMs: 12 });
    await rec.track("Read contact", { method: "GET", path: "/contacts/abc" }, async () => ({ id: "abc", custom_attributes: { leaked: TOKEN } }));
    const lookup: LookupResult = { kind: "error", message: `Intercom said: Bearer ${TOKEN}`, calls: rec.calls() };
    const report = buildDiagnosticReport(
      {
        connection: { region: "US", appName: "Acme", status: "connected" },
        query: "grace@example.com",
        lookup,
        write: null,
        generatedAt: new Date("2025-01-01T00:00:00Z"),
        generatedBy: "support@example.com",
      },
      [TOKEN],
    );
    const json = JSON.stringify(report);
    expect(json).not.toContain(TOKEN);
    expect(json).not.toContain(TOKEN.slice(0, 20));
    expect(report).toMatchObject({ kind: "tailor.debug-report", lookup: { query: "grace@example.com", outcome: "error" } });
    expect(json).toContain('"requestId":"req_1"');
  });
});

describe("the call recorder", () => {
  it("puts the request and the parsed answer on the response that answered the operation", async () => {
    const rec = createCallRecorder();
    const write = rec.track("Write test values", { method: "PUT", path: "/contacts/abc", request: { custom_attributes: { job_role: "founder" } } }, async () => {
      rec.onResponse({ method: "PUT", path: "/contacts/abc", status: 400, requestId: "req_put", rateLimit: {}, durationMs: 5 });
      rec.onResponse({ method: "GET", path: "/data_attributes", status: 200, requestId: "req_attrs", rateLimit: {}, durationMs: 5 });
      throw new Error("refused");
    });
    await expect(write).rejects.toThrow("refused");
    const calls = rec.calls();
    expect(calls.map((c) => [c.method, c.path, c.operation])).toEqual([
      ["PUT", "/contacts/abc", "Write test values"],
      ["GET", "/data_attributes", "Write test values"],
    ]);
    expect(calls[0]).toMatchObject({ request: { custom_attributes: { job_role: "founder" } }, response: { error: { message: "Tailor could not complete the call." } } });
    expect(calls[1]!.response).toBeNull();
  });

  it("records an operation that got no HTTP response", async () => {
    const rec = createCallRecorder();
    await rec.track("Read contact", { method: "GET", path: "/contacts/x" }, async () => "ok");
    expect(rec.calls()).toMatchObject([{ method: "GET", path: "/contacts/x", status: null, response: "ok" }]);
  });
});
