import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { createIntercomClient, type CreateIntercomClientOptions, type IntercomResponseInfo } from "./client";
import {
  IntercomAuthError,
  IntercomError,
  IntercomNotFoundError,
  IntercomPermissionError,
  IntercomRateLimitedError,
  IntercomUnavailableError,
  IntercomValidationError,
} from "./errors";
import { UserFacingError } from "@/lib/errors";
import { emulatorEnv } from "./test-env";

let emu: IntercomEmulator;
beforeAll(async () => {
  emu = await startIntercomEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const client = (overrides: Partial<CreateIntercomClientOptions> = {}) =>
  createIntercomClient({ token: emu.tokens.US.full, region: "US", env: emulatorEnv(emu), timeoutMs: 1_000, ...overrides });

async function caught(promise: Promise<unknown>): Promise<IntercomError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IntercomError);
    return error as IntercomError;
  }
  throw new Error("expected a rejection");
}

const idOf = (email: string) => [...emu.state.workspace("US").contacts.values()].find((c) => c.email === email)!.id;

describe("reads", () => {
  it("gets the workspace with name, id_code and region", async () => {
    expect(await client().getWorkspace()).toEqual({
      appName: "Acme (US)",
      idCode: "ecahpwf5",
      region: "US",
      appRegion: "US",
      adminId: "991267459",
      timezone: "America/Los_Angeles",
    });
    const eu = await client({ token: emu.tokens.EU.full, region: "EU" }).getWorkspace();
    expect(eu).toMatchObject({ region: "EU", appRegion: "Europe" });
  });

  it("lists contact attributes, standard and custom, archived on request", async () => {
    const attrs = await client().listContactAttributes();
    expect(attrs.find((a) => a.name === "email")).toMatchObject({ id: null, custom: false, fullName: "email" });
    expect(attrs.find((a) => a.name === "favorite_color")).toMatchObject({
      custom: true,
      dataType: "string",
      options: ["red", "teal"],
      apiWritable: true,
      archived: false,
      fullName: "custom_attributes.favorite_color",
    });
    expect(attrs.find((a) => a.name === "health_score")?.apiWritable).toBe(false);
    expect(attrs.some((a) => a.name === "legacy_score")).toBe(false);
    expect(attrs.some((a) => a.name === "industry")).toBe(false);
    const withArchived = await client().listContactAttributes({ includeArchived: true });
    expect(withArchived.find((a) => a.name === "legacy_score")?.archived).toBe(true);
  });

  it("finds every contact for an email across pages", async () => {
    const sam = await client().searchContactsByEmail("sam@example.com");
    expect(sam.map((c) => c.role).sort()).toEqual(["lead", "lead", "user"]);
    // 7 seeded matches; force small pages through the emulator to prove the loop follows cursors.
    const seen: IntercomResponseInfo[] = [];
    const many = await client({ onResponse: (i) => seen.push(i) }).searchContactsByEmail("pagination@example.com");
    expect(many).toHaveLength(7);
    expect(seen.every((i) => i.path === "/contacts/search" && i.status === 200)).toBe(true);
    expect(await client().searchContactsByEmail("nobody@example.com")).toEqual([]);
  });

  it("follows search pagination over several pages", async () => {
    for (let i = 0; i < 160; i++) emu.state.addContact("US", { email: "crowd@example.com", role: "lead" }, 0);
    const seen: IntercomResponseInfo[] = [];
    const crowd = await client({ onResponse: (i) => seen.push(i) }).searchContactsByEmail("crowd@example.com");
    expect(crowd).toHaveLength(160);
    expect(new Set(crowd.map((c) => c.id)).size).toBe(160);
    expect(seen).toHaveLength(2);
  });

  it("gets a contact with custom attributes and name-less tag references; tag names via the tags endpoint", async () => {
    const ada = await client().getContact(idOf("ada@example.com"));
    expect(ada).toMatchObject({ email: "ada@example.com", role: "user", workspaceId: "ecahpwf5", tagCount: 2, hasMoreTags: false });
    expect(ada.customAttributes.favorite_color).toBe("teal");
    const tags = await client().listContactTags(ada.id);
    expect(tags.map((t) => t.name).sort()).toEqual(["customer", "vip"]);
    const taggy = await client().getContact(idOf("taggy@example.com"));
    expect(taggy).toMatchObject({ tagCount: 12, hasMoreTags: true });
    expect(taggy.tagIds).toHaveLength(10);
    expect(await client().listContactTags(taggy.id)).toHaveLength(12);
    // The workspace catalogue names every id a contact embeds.
    const catalogue = new Map((await client().listTags()).map((t) => [t.id, t.name]));
    expect(ada.tagIds.map((id) => catalogue.get(id)).sort()).toEqual(["customer", "vip"]);
  });

  it("passes XSS payloads through as plain data", async () => {
    const mallory = await client().getContact(idOf("mallory@example.com"));
    expect(mallory.customAttributes.favorite_color).toBe("<script>alert(1)</script>");
  });

  it("reports rate-limit headers of every response to onResponse, without secrets", async () => {
    const seen: IntercomResponseInfo[] = [];
    await client({ onResponse: (i) => seen.push(i) }).getWorkspace();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "GET", path: "/me", status: 200, rateLimit: { limit: 1666, remaining: 1665 } });
    expect(seen[0]!.rateLimit.resetAt).toBeInstanceOf(Date);
    expect(JSON.stringify(seen)).not.toContain(emu.tokens.US.full);
  });
});

describe("writes", () => {
  it("updates custom attributes with a merge, null clears", async () => {
    const updated = await client().updateContactCustomAttributes(idOf("ada@example.com"), { seats: 30, favorite_color: null, job_role: "marketer" });
    expect(updated.customAttributes).toMatchObject({ seats: 30, job_role: "marketer", mrr: 499.5 });
    expect(updated.customAttributes).not.toHaveProperty("favorite_color");
  });

  it("creates a contact attribute, including a list attribute", async () => {
    const created = await client().createContactAttribute({ name: "tailor_role", dataType: "options", options: ["founder", "marketer"], description: "Role" });
    expect(created).toMatchObject({ name: "tailor_role", dataType: "string", options: ["founder", "marketer"], custom: true, id: expect.any(Number) });
    const attrs = await client().listContactAttributes();
    expect(attrs.some((a) => a.name === "tailor_role")).toBe(true);
  });
});

describe("errors, produced over HTTP and mapped", () => {
  it("invalid token", async () => {
    const error = await caught(client({ token: "dG9rOmJvZ3VzX3Rva2VuX3RoYXRfZG9lc19ub3RfZXhpc3Q=" }).getWorkspace());
    expect(error).toBeInstanceOf(IntercomAuthError);
    expect(error).toMatchObject({ kind: "invalid_token", status: 401, code: "unauthorized", requestId: expect.any(String) });
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.name).toBe("IntercomAuthError");
    expect(await caught(client({ token: "" }).getWorkspace())).toBeInstanceOf(IntercomAuthError);
  });

  it("revoked token", async () => {
    emu.state.revokeToken(emu.tokens.US.full);
    expect((await caught(client().getWorkspace())).kind).toBe("invalid_token");
  });

  it("token lacks permission", async () => {
    const error = await caught(client({ token: emu.tokens.US.readOnly }).updateContactCustomAttributes(idOf("ada@example.com"), { seats: 1 }));
    expect(error).toBeInstanceOf(IntercomPermissionError);
    expect(error).toMatchObject({ kind: "permission", status: 401, code: "token_unauthorized" });
  });

  it("not found", async () => {
    const error = await caught(client().getContact("000000000000000000000000"));
    expect(error).toBeInstanceOf(IntercomNotFoundError);
    expect(error.status).toBe(404);
    expect((await caught(client().listContactTags("000000000000000000000000"))).kind).toBe("not_found");
  });

  it("validation on update: unknown, archived, non-writable and wrong type, with the attribute", async () => {
    const id = idOf("grace@example.com");
    const cases = [
      [{ nope: "x" }, "unknown_attribute", "nope"],
      [{ legacy_score: 1 }, "unknown_attribute", "legacy_score"],
      [{ health_score: 1 }, "unknown_attribute", "health_score"],
      [{ seats: "many" }, "wrong_type", "seats"],
      [{ is_beta: 1 }, "wrong_type", "is_beta"],
    ] as const;
    for (const [attrs, reason, attribute] of cases) {
      const error = await caught(client().updateContactCustomAttributes(id, attrs));
      expect(error).toBeInstanceOf(IntercomValidationError);
      expect(error).toMatchObject({ kind: "validation", status: 400, code: "parameter_invalid", reason, attribute });
    }
  });

  it("validation on create: bad name, duplicate (case-insensitive, standard, company), limit, other", async () => {
    const create = (name: string, extra: object = {}) => caught(client().createContactAttribute({ name, dataType: "string", ...extra }));
    expect(await create("bad.name")).toMatchObject({ reason: "bad_name", status: 400 });
    expect(await create("Favorite_Color")).toMatchObject({ reason: "duplicate", attribute: "Favorite_Color" });
    expect(await create("Email")).toMatchObject({ reason: "duplicate" });
    expect(await create("industry")).toMatchObject({ reason: "duplicate" });
    expect(await create("two_options", { dataType: "options", options: ["only"] })).toMatchObject({ reason: "other" });
    emu.settings.maxCustomAttributes = 8;
    const limit = await create("fresh_one");
    emu.settings.maxCustomAttributes = 250; // the client's diagnosis uses Intercom's real cap
    expect(limit).toMatchObject({ kind: "validation", status: 400 });
  });

  it("limit reason when the workspace holds 250 live custom attributes", async () => {
    for (let i = 0; i < 242; i++) {
      emu.state.workspace("US").dataAttributes.push({
        id: 1000 + i, name: `filler_${i}`, full_name: `custom_attributes.filler_${i}`, label: `filler_${i}`, description: "",
        data_type: "string", api_writable: true, ui_writable: true, messenger_writable: false, custom: true, archived: false, model: "contact",
      });
    }
    expect(await caught(client().createContactAttribute({ name: "fresh_one", dataType: "string" }))).toMatchObject({ reason: "limit" });
  });

  it("rate limited, with resetAt from X-RateLimit-Reset, never retried by the client", async () => {
    emu.state.workspace("US").rateLimit = 1;
    const seen: IntercomResponseInfo[] = [];
    const c = client({ onResponse: (i) => seen.push(i) });
    await c.getWorkspace();
    const error = await caught(c.getWorkspace());
    expect(error).toBeInstanceOf(IntercomRateLimitedError);
    const resetAt = (error as IntercomRateLimitedError).resetAt;
    expect(resetAt.getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(resetAt.getTime()).toBeLessThanOrEqual(Date.now() + 11_000);
    expect(resetAt.getTime() % 1000).toBe(0);
    expect(seen.map((s) => s.status)).toEqual([200, 429]);
    expect(seen[1]!.rateLimit.remaining).toBe(0);
  });

  it("unavailable: 5xx after one read retry; a single 500 is absorbed by the retry", async () => {
    emu.faults.set({ errorRate: 1, errorStatus: 503 });
    const seen: IntercomResponseInfo[] = [];
    const error = await caught(client({ onResponse: (i) => seen.push(i) }).getWorkspace());
    expect(error).toBeInstanceOf(IntercomUnavailableError);
    expect(error).toMatchObject({ reason: "server_error", status: 503 });
    expect(seen).toHaveLength(2);
    emu.faults.set({ errorCount: 1 });
    expect((await client().getWorkspace()).idCode).toBe("ecahpwf5");
  });

  it("writes are not retried", async () => {
    emu.faults.set({ errorCount: 1, errorStatus: 500 });
    const seen: IntercomResponseInfo[] = [];
    const error = await caught(client({ onResponse: (i) => seen.push(i) }).updateContactCustomAttributes(idOf("ada@example.com"), { seats: 2 }));
    expect(error.kind).toBe("unavailable");
    expect(seen).toHaveLength(1);
  });

  it("unavailable: latency beyond the client timeout", async () => {
    emu.faults.set({ latencyMs: 400 });
    const started = Date.now();
    const error = await caught(client({ timeoutMs: 100, maxRetries: 0 }).getWorkspace());
    expect(error).toMatchObject({ kind: "unavailable", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(380);
  });

  it("unavailable: dropped connection and unreachable host", async () => {
    emu.faults.set({ dropRate: 1 });
    expect(await caught(client({ maxRetries: 0 }).getWorkspace())).toMatchObject({ kind: "unavailable", reason: "network" });
    emu.faults.clear();
    const offline = createIntercomClient({ token: emu.tokens.US.full, region: "US", env: { INTERCOM_BASE_URL_US: "http://127.0.0.1:9/us" }, maxRetries: 0 });
    expect(await caught(offline.getWorkspace())).toMatchObject({ kind: "unavailable", reason: "network" });
  });
});

describe("token redaction", () => {
  it("never exposes the token in message, String(), JSON or stack", async () => {
    const token = emu.tokens.US.readOnly;
    emu.state.workspace("US").rateLimit = 3;
    const errors: IntercomError[] = [];
    const c = client({ token, maxRetries: 0 });
    errors.push(await caught(c.updateContactCustomAttributes(idOf("ada@example.com"), { seats: 1 })));
    errors.push(await caught(c.getContact("missing")));
    errors.push(await caught(c.getWorkspace().then(() => c.getWorkspace())));
    emu.faults.set({ errorRate: 1 });
    errors.push(await caught(c.getWorkspace()));
    emu.faults.set({ dropRate: 1 });
    errors.push(await caught(c.getWorkspace()));
    emu.faults.clear();
    emu.state.revokeToken(token);
    errors.push(await caught(c.getWorkspace()));
    expect(new Set(errors.map((e) => e.kind)).size).toBeGreaterThanOrEqual(5);
    for (const error of errors) {
      for (const text of [error.message, String(error), JSON.stringify(error), error.stack ?? "", JSON.stringify(Object.entries(error))]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(token.slice(10, 30));
      }
    }
  });
});

describe("the official SDK pointed at the emulator", () => {
  it("handles every call the product makes", async () => {
    const { IntercomClient } = await import("intercom-client");
    const sdk = new IntercomClient({ token: emu.tokens.US.full, baseUrl: emu.baseUrls.US, maxRetries: 0 });
    const me = await sdk.admins.identify();
    expect(me?.app?.region).toBe("US");
    const attrs = await sdk.dataAttributes.list({ model: "contact", include_archived: true });
    expect(attrs.data?.length).toBeGreaterThan(10);
    const created = await sdk.dataAttributes.create({ name: "sdk_attr", model: "contact", data_type: "integer" } as never);
    expect(created.name).toBe("sdk_attr");
    const page = await sdk.contacts.search({ query: { field: "email", operator: "=", value: "pagination@example.com" }, pagination: { per_page: 2 } });
    const all: string[] = [];
    for await (const contact of page) all.push(contact.id!);
    expect(all).toHaveLength(7);
    const id = idOf("ada@example.com");
    const contact = await sdk.contacts.find({ contact_id: id });
    expect(contact.custom_attributes).toMatchObject({ favorite_color: "teal" });
    const tags = await sdk.contacts.listAttachedTags({ contact_id: id });
    expect((tags.data ?? []).map((t) => t.name).sort()).toEqual(["customer", "vip"]);
    const updated = await sdk.contacts.update({ contact_id: id, custom_attributes: { sdk_attr: 5 } });
    expect(updated.custom_attributes).toMatchObject({ sdk_attr: 5, favorite_color: "teal" });
    const listed = await sdk.tags.list();
    expect(listed.data?.length).toBe(13);
  });

  it("surfaces the 429 status and X-RateLimit-Reset on rawResponse", async () => {
    const { IntercomClient, IntercomError: SdkError } = await import("intercom-client");
    emu.state.workspace("US").rateLimit = 0;
    const sdk = new IntercomClient({ token: emu.tokens.US.full, baseUrl: emu.baseUrls.US, maxRetries: 0 });
    const error = await sdk.admins.identify().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as InstanceType<typeof SdkError>).statusCode).toBe(429);
    expect((error as InstanceType<typeof SdkError>).rawResponse?.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
  });
});
