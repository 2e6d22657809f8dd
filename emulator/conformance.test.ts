// Every emulator response the product relies on, and every request the product sends, checked
// against Intercom's own OpenAPI description (2.14). Skipped, loudly, when the spec is absent.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIntercomClient, type TailorIntercomClient } from "@/lib/intercom/client";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { OpenApiValidator } from "./openapi-validator";
import { startIntercomEmulator, type IntercomEmulator, type RecordedExchange } from "./server";
import { callIntercom } from "./test-client";

const repoRoot = path.resolve(import.meta.dirname, "..");
const specPath = process.env.INTERCOM_OPENAPI_SPEC ?? path.resolve(repoRoot, "../shared/intercom/openapi/api.intercom.io.yaml");
const specPresent = existsSync(specPath);
if (!specPresent) {
  console.warn(`[intercom conformance] SKIPPED: OpenAPI spec not found at ${specPath} (set INTERCOM_OPENAPI_SPEC to its path).`);
}

describe.skipIf(!specPresent)("Intercom emulator conformance with the OpenAPI spec", () => {
  let validator: OpenApiValidator;
  let emu: IntercomEmulator;
  let client: TailorIntercomClient;
  const exchanges: RecordedExchange[] = [];
  const probeResults: Record<string, unknown> = {};

  beforeAll(async () => {
    validator = OpenApiValidator.fromFile(specPath);
    emu = await startIntercomEmulator({ port: 0, onExchange: (e) => exchanges.push(e) });
    client = createIntercomClient({ token: emu.tokens.US.full, region: "US", env: emulatorEnv(emu), maxRetries: 0 });
    await driveTheProduct();
  });
  afterAll(() => emu?.close());

  const idOf = (email: string) => [...emu.state.workspace("US").contacts.values()].find((c) => c.email === email)!.id;
  const swallow = (p: Promise<unknown>) => p.catch(() => undefined);

  // Everything Tailor does, success and failure, through the real client (plus raw calls for
  // the few envelopes the client never provokes).
  async function driveTheProduct() {
    for (const region of ["US", "EU", "AU"] as const) {
      await createIntercomClient({ token: emu.tokens[region].full, region, env: emulatorEnv(emu) }).getWorkspace();
    }
    await client.listContactAttributes();
    await client.listContactAttributes({ includeArchived: true });
    await client.createContactAttribute({ name: "tailor_role", dataType: "options", options: ["founder", "marketer"], description: "Role" });
    for (const dataType of ["string", "integer", "float", "boolean", "date"] as const) {
      await client.createContactAttribute({ name: `tailor_${dataType}`, dataType });
    }
    await swallow(client.createContactAttribute({ name: "bad.name", dataType: "string" }));
    await swallow(client.createContactAttribute({ name: "favorite_color", dataType: "string" }));
    for (const email of ["ada@example.com", "sam@example.com", "nobody@example.com", "mallory@example.com"]) {
      await client.searchContactsByEmail(email);
    }
    for (let i = 0; i < 160; i++) emu.state.addContact("US", { email: "crowd@example.com", role: "lead" }, 0);
    await client.searchContactsByEmail("crowd@example.com");
    for (const email of ["ada@example.com", "taggy@example.com", "mallory@example.com"]) {
      await client.getContact(idOf(email));
      await client.listContactTags(idOf(email));
    }
    await client.updateContactCustomAttributes(idOf("ada@example.com"), { tailor_role: "founder", seats: 3, favorite_color: null });
    await swallow(client.updateContactCustomAttributes(idOf("ada@example.com"), { nope: 1 }));
    await swallow(client.updateContactCustomAttributes(idOf("ada@example.com"), { seats: "x" }));
    await swallow(client.getContact("000000000000000000000000"));
    await swallow(client.listContactTags("000000000000000000000000"));
    await swallow(createIntercomClient({ token: "invalid-token-for-conformance", region: "US", env: emulatorEnv(emu) }).getWorkspace());
    await swallow(
      createIntercomClient({ token: emu.tokens.US.readOnly, region: "US", env: emulatorEnv(emu) }).updateContactCustomAttributes(idOf("ada@example.com"), {
        seats: 1,
      }),
    );
    // The capability probe (connect, replace, test, scheduled refresh) with a full and a read-only token.
    probeResults.full = await client.probeCapabilities();
    probeResults.readOnly = await createIntercomClient({ token: emu.tokens.US.readOnly, region: "US", env: emulatorEnv(emu) }).probeCapabilities();
    await callIntercom(emu, "US", "/tags");
    await callIntercom(emu, "US", "/me", { headers: { Accept: "text/html" } });
    await callIntercom(emu, "US", "/unknown/path");
    emu.faults.set({ errorCount: 1, errorStatus: 503 });
    await swallow(client.getWorkspace());
    emu.state.workspace("US").rateLimit = 0;
    await swallow(client.getWorkspace());
  }

  it("exercised every operation and error class the product relies on", () => {
    const seen = new Set(exchanges.map((e) => `${e.method} ${e.route ?? "-"} ${e.status}`));
    for (const expected of [
      "GET /me 200",
      "GET /data_attributes 200",
      "POST /data_attributes 200",
      "POST /data_attributes 400",
      "POST /contacts/search 200",
      "GET /contacts/{contact_id} 200",
      "GET /contacts/{contact_id} 404",
      "GET /contacts/{contact_id}/tags 200",
      "GET /contacts/{contact_id}/tags 404",
      "PUT /contacts/{contact_id} 200",
      "PUT /contacts/{contact_id} 400",
      "PUT /contacts/{contact_id} 401",
      "PUT /contacts/{contact_id} 404",
      "POST /data_attributes 401",
      "GET - 401",
      "GET - 406",
      "GET - 404",
      "GET - 429",
      "GET - 503",
      "GET /tags 200",
    ]) {
      expect(seen, expected).toContain(expected);
    }
    for (const e of exchanges) if (e.route) expect(validator.hasOperation(e.method, e.route), `${e.method} ${e.route}`).toBe(true);
  });

  it("the capability probe tells a writing token from a read-only one and changes nothing", () => {
    expect(probeResults).toEqual({
      full: { canWrite: true, canCreateAttributes: true },
      readOnly: { canWrite: false, canCreateAttributes: false },
    });
    const probes = exchanges.filter(
      (e) => (e.method === "PUT" && e.path === "/contacts/tailor-capability-probe") || (e.method === "POST" && e.route === "/data_attributes" && ((e.requestBody as { name?: string })?.name === "email" || e.status === 401)),
    );
    expect(probes.map((e) => `${e.method} ${e.route} ${e.status} ${(e.responseBody as { errors?: { code: string }[] }).errors?.[0]?.code}`)).toEqual([
      "PUT /contacts/{contact_id} 404 not_found",
      "POST /data_attributes 400 parameter_invalid",
      "PUT /contacts/{contact_id} 401 token_unauthorized",
      "POST /data_attributes 401 token_unauthorized",
    ]);
    expect(emu.state.workspace("US").dataAttributes.some((a) => a.name === "email")).toBe(false);
  });

  it("every response matches the spec's schema (errors against `error`)", () => {
    const violations = exchanges.flatMap((e) => {
      const errors = validator.validateResponse(e.method, e.route, e.status, e.responseBody);
      return errors ? [{ where: `${e.method} ${e.route ?? e.path} → ${e.status}`, errors }] : [];
    });
    expect(violations).toEqual([]);
    expect(exchanges.length).toBeGreaterThan(30);
  });

  it("every request body the product sends matches the spec's request schema", () => {
    const withBodies = exchanges.filter((e) => e.route && e.requestBody !== undefined);
    const violations = withBodies.flatMap((e) => {
      const errors = validator.validateRequest(e.method, e.route!, e.requestBody);
      return errors ? [{ where: `${e.method} ${e.route}`, body: e.requestBody, errors }] : [];
    });
    expect(violations).toEqual([]);
    expect(new Set(withBodies.map((e) => `${e.method} ${e.route}`))).toEqual(
      new Set(["POST /data_attributes", "POST /contacts/search", "PUT /contacts/{contact_id}"]),
    );
  });

  it("the product pins Intercom-Version 2.14 and sends an acceptable Accept header", () => {
    const productCalls = exchanges.filter((e) => e.requestHeaders["user-agent"]?.startsWith("intercom-client/"));
    expect(productCalls.length).toBeGreaterThan(20);
    for (const e of productCalls) {
      expect(e.requestHeaders["intercom-version"]).toBe("2.14");
      expect(e.requestHeaders.accept).toBeTruthy();
    }
  });

  it("error responses carry request_id matching X-Request-Id, and every response the rate-limit headers", () => {
    for (const e of exchanges) {
      expect(e.responseHeaders["X-Request-Id"]).toMatch(/^[0-9a-f-]{36}$/);
      for (const h of ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]) expect(e.responseHeaders[h]).toMatch(/^\d+$/);
      if (e.status >= 400) expect((e.responseBody as { request_id: string }).request_id).toBe(e.responseHeaders["X-Request-Id"]);
    }
  });

  it("the validator is not vacuous: it catches wrong shapes", () => {
    expect(validator.validateComponent("contact", { id: 5 })).not.toBeNull();
    expect(validator.validateComponent("error", { type: "error.list" })).not.toBeNull();
    expect(validator.validateComponent("data_attribute", { data_type: "list" })).not.toBeNull();
    expect(validator.validateRequest("POST", "/data_attributes", { name: "x", model: "contact" })).not.toBeNull();
    expect(validator.validateRequest("POST", "/contacts/search", { query: { field: "email", operator: "LIKE", value: "x" } })).not.toBeNull();
    expect(validator.validateComponent("app", null)).toBeNull(); // nullable converted
  });
});
