// Every emulator response the product relies on, and every request the product sends, checked
// against Intercom's own OpenAPI description (2.14): the committed subset in ./spec (regenerate it
// with spec/extract.ts), or the full file named by INTERCOM_OPENAPI_SPEC.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIntercomClient, type TailorIntercomClient } from "@/lib/intercom/client";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { OpenApiValidator } from "./openapi-validator";
import { startIntercomEmulator, type IntercomEmulator, type RecordedExchange } from "./server";
import { callIntercom } from "./test-client";

const specPath = process.env.INTERCOM_OPENAPI_SPEC ?? path.resolve(import.meta.dirname, "spec/intercom-openapi-2.14.subset.json");
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
  let listedEvents: { eventName: string; metadata: Record<string, unknown> }[] = [];

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
    // Data events: accepted, duplicate, unknown contact, nested metadata, read-only token, read back.
    const createdAt = Math.floor(Date.now() / 1000);
    const event = { contactId: idOf("ada@example.com"), eventName: "completed-flow", createdAt, metadata: { flow: "Welcome", steps: 3, completed_date: createdAt } };
    await client.createEvent(event);
    await client.createEvent(event);
    await client.createEvent({ ...event, eventName: "viewed-pricing", metadata: { url: "https://example.com/pricing" } });
    await swallow(client.createEvent({ ...event, contactId: "000000000000000000000000" }));
    await swallow(client.createEvent({ ...event, metadata: { nested: { a: 1 } } as never }));
    await swallow(createIntercomClient({ token: emu.tokens.US.readOnly, region: "US", env: emulatorEnv(emu) }).createEvent(event));
    listedEvents = await client.listEvents(idOf("ada@example.com"));
    await callIntercom(emu, "US", `/events?type=user&intercom_user_id=${idOf("ada@example.com")}&summary=true`);
    await callIntercom(emu, "US", "/events?type=user&email=nobody%40example.com");
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
      "POST /events 202",
      "POST /events 400",
      "POST /events 401",
      "POST /events 404",
      "GET /events 200",
      "GET /events 404",
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

  // The spec gives GET /events one schema, `data_event_summary` (type "event.summary"), which is
  // what `summary=true` answers; the plain listing is `event.list` with `data_event` items, as
  // Intercom's reference examples show. Each listed event is checked against `data_event`.
  function validateEventList(body: { type: string; events: unknown[] }): string[] | null {
    const errors = body.events.flatMap((item) => validator.validateComponent("data_event", asSpecTypesIt("/events", item)) ?? []);
    return errors.length > 0 ? errors : null;
  }

  it("every response matches the spec's schema (errors against `error`)", () => {
    const violations = exchanges.flatMap((e) => {
      const listing = e.route === "/events" && e.status === 200 && (e.responseBody as { type?: string }).type === "event.list";
      const errors = listing ? validateEventList(e.responseBody as { type: string; events: unknown[] }) : validator.validateResponse(e.method, e.route, e.status, e.responseBody);
      return errors ? [{ where: `${e.method} ${e.route ?? e.path} → ${e.status}`, errors }] : [];
    });
    expect(violations).toEqual([]);
    expect(exchanges.length).toBeGreaterThan(30);
  });

  // The spec types event metadata values as strings, while its own description documents numbers
  // and `_date` keys in Unix seconds: numbers are checked here as what they are, then the rest of
  // the body against the schema.
  function asSpecTypesIt(route: string, body: unknown): unknown {
    if (route !== "/events" || typeof body !== "object" || body === null) return body;
    const metadata = (body as { metadata?: Record<string, unknown> }).metadata;
    if (!metadata) return body;
    return { ...body, metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, typeof v === "number" ? String(v) : v])) };
  }

  it("every request body the product sends matches the spec's request schema", () => {
    const withBodies = exchanges.filter((e) => e.route && e.requestBody !== undefined && e.requestHeaders["user-agent"]?.startsWith("intercom-client/") && e.status !== 400);
    const violations = withBodies.flatMap((e) => {
      const errors = validator.validateRequest(e.method, e.route!, asSpecTypesIt(e.route!, e.requestBody));
      return errors ? [{ where: `${e.method} ${e.route}`, body: e.requestBody, errors }] : [];
    });
    expect(violations).toEqual([]);
    expect(new Set(withBodies.map((e) => `${e.method} ${e.route}`))).toEqual(
      new Set(["POST /data_attributes", "POST /contacts/search", "PUT /contacts/{contact_id}", "POST /events"]),
    );
  });

  it("events: 202 with an empty body, deduplicated on contact + name + created_at, read back newest first", () => {
    const posts = exchanges.filter((e) => e.route === "/events" && e.method === "POST");
    expect(posts.map((e) => e.status)).toEqual([202, 202, 202, 404, 400, 401]);
    for (const e of posts.filter((p) => p.status === 202)) expect(e.responseBody).toBeUndefined();
    expect(emu.state.workspace("US").duplicateEvents).toBe(1);
    const listed = listedEvents;
    expect(listed.map((e) => e.eventName).sort()).toEqual(["completed-flow", "viewed-pricing"]);
    expect(listed.find((e) => e.eventName === "completed-flow")!.metadata).toEqual({ flow: "Welcome", steps: 3, completed_date: expect.any(Number) });
    const nested = posts.find((e) => e.status === 400)!;
    expect((nested.responseBody as { errors: { code: string; field?: string }[] }).errors[0]).toMatchObject({ code: "parameter_invalid", field: "metadata.nested" });
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
    expect(validator.validateRequest("POST", "/events", { event_name: "x", id: "1" })).not.toBeNull(); // created_at missing
    expect(validator.validateResponse("POST", "/events", 202, { ok: true })).not.toBeNull(); // 202 has no body
  });
});
