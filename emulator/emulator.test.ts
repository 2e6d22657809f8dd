/* eslint-disable @typescript-eslint/no-explicit-any -- wire-level tests read raw JSON bodies */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startIntercomEmulator, type IntercomEmulator } from "./server";
import { callIntercom, control } from "./test-client";

/** Moves the clock the emulator reads (only Date is faked: sockets and timers stay real) instead of sleeping. */
async function withFakeClock(run: () => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    await run();
  } finally {
    vi.useRealTimers();
  }
}

let emu: IntercomEmulator;
beforeAll(async () => {
  emu = await startIntercomEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const search = (query: unknown, pagination?: unknown, token?: string) =>
  callIntercom(emu, "US", "/contacts/search", { method: "POST", token, body: { query, ...(pagination ? { pagination } : {}) } });
const byEmail = (email: string) => ({ field: "email", operator: "=", value: email });
const contactId = (email: string) => [...emu.state.workspace("US").contacts.values()].find((c) => c.email === email)!.id;

function expectEnvelope(res: { status: number; body: any; headers: Headers }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ type: "error.list", errors: [{ code }] });
  expect(res.body.request_id).toBe(res.headers.get("x-request-id"));
}

describe("workspaces, tokens and regions", () => {
  it("serves /me per region with Intercom's region spelling", async () => {
    for (const [region, appRegion] of [["US", "US"], ["EU", "Europe"], ["AU", "Australia"]] as const) {
      const res = await callIntercom(emu, region, "/me");
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ type: "admin", app: { type: "app", region: appRegion } });
    }
    expect((await callIntercom(emu, "US", "/me")).body.app.name).toBe("Acme (US)");
  });

  it("seeds realistic, unique tokens", () => {
    const all = Object.values(emu.tokens).flatMap((t) => [t.full, t.readOnly]);
    expect(new Set(all).size).toBe(6);
    for (const token of all) expect(token).toMatch(/^dG9rO[A-Za-z0-9+/]{36,}={0,2}$/);
  });

  it("answers 401 unauthorized for a missing or bad token, with request id and rate-limit headers", async () => {
    for (const token of [null, "not-a-token"]) {
      const res = await callIntercom(emu, "US", "/me", { token });
      expectEnvelope(res, 401, "unauthorized");
      expect(res.body.errors[0].message).toBe("Access Token Invalid");
      expect(res.headers.get("x-ratelimit-limit")).toBeTruthy();
    }
  });

  it("rejects a US token on the EU and AU hosts", async () => {
    expectEnvelope(await callIntercom(emu, "EU", "/me", { token: emu.tokens.US.full }), 401, "unauthorized");
    expectEnvelope(await callIntercom(emu, "AU", "/me", { token: emu.tokens.US.full }), 401, "unauthorized");
    expectEnvelope(await callIntercom(emu, "AU", "/me", { token: emu.tokens.EU.full }), 401, "unauthorized");
  });

  it("routes an EU token on the US host by default and rejects it in strict mode", async () => {
    const routed = await callIntercom(emu, "US", "/me", { token: emu.tokens.EU.full });
    expect(routed.status).toBe(200);
    expect(routed.body.app.region).toBe("Europe");
    await control(emu, "/config", { crossRegion: "strict" });
    expectEnvelope(await callIntercom(emu, "US", "/me", { token: emu.tokens.EU.full }), 401, "unauthorized");
  });

  it("gives read-only tokens reads and 401 token_unauthorized on writes", async () => {
    const token = emu.tokens.US.readOnly;
    expect((await callIntercom(emu, "US", "/me", { token })).status).toBe(200);
    expect((await search(byEmail("ada@example.com"), undefined, token)).status).toBe(200);
    const put = await callIntercom(emu, "US", `/contacts/${contactId("ada@example.com")}`, {
      method: "PUT",
      token,
      body: { custom_attributes: { seats: 3 } },
    });
    expectEnvelope(put, 401, "token_unauthorized");
  });

  it("revokes a token at runtime", async () => {
    expect((await control(emu, "/tokens/revoke", { token: emu.tokens.US.full })).status).toBe(200);
    expectEnvelope(await callIntercom(emu, "US", "/me"), 401, "unauthorized");
  });

  it("suspends a token for a while (scripted 401 period), then accepts it again", async () => {
    await withFakeClock(async () => {
      expect((await control(emu, "/tokens/suspend", { token: emu.tokens.US.full, ms: 300 })).status).toBe(200);
      expectEnvelope(await callIntercom(emu, "US", "/me"), 401, "unauthorized");
      vi.advanceTimersByTime(299);
      expectEnvelope(await callIntercom(emu, "US", "/me"), 401, "unauthorized");
      vi.advanceTimersByTime(1);
      expect((await callIntercom(emu, "US", "/me")).status).toBe(200);
    });
  });

  it("makes an attribute read-only for the API through the control API (drift)", async () => {
    const res = await control(emu, "/data-attributes/update", { region: "US", name: "favorite_color", api_writable: false });
    expect(res.status).toBe(200);
    const ada = [...emu.state.workspace("US").contacts.values()].find((c) => c.email === "ada@example.com")!;
    const put = await callIntercom(emu, "US", `/contacts/${ada.id}`, { method: "PUT", body: { custom_attributes: { favorite_color: "red" } } });
    expectEnvelope(put, 400, "parameter_invalid");
  });
});

describe("protocol details", () => {
  it("returns 406 for a non-JSON Accept and accepts */*", async () => {
    expectEnvelope(await callIntercom(emu, "US", "/me", { headers: { Accept: "text/html" } }), 406, "media_type_not_acceptable");
    expect((await callIntercom(emu, "US", "/me", { headers: { Accept: "*/*" } })).status).toBe(200);
  });

  it("answers unknown paths and methods with the 404 envelope", async () => {
    expectEnvelope(await callIntercom(emu, "US", "/nope"), 404, "not_found");
    expectEnvelope(await callIntercom(emu, "US", "/me", { method: "DELETE" }), 404, "not_found");
    const res = await fetch(`${emu.origin}/xx/me`, { headers: { Accept: "application/json" } });
    expect(res.status).toBe(404);
  });

  it("rejects an unknown Intercom-Version and malformed JSON with 400", async () => {
    expectEnvelope(await callIntercom(emu, "US", "/me", { headers: { "Intercom-Version": "9.9" } }), 400, "intercom_version_invalid");
    expectEnvelope(await callIntercom(emu, "US", "/contacts/search", { method: "POST", rawBody: "{nope" }), 400, "parameter_invalid");
  });

  it("sends a fresh request id on every response", async () => {
    const a = await callIntercom(emu, "US", "/me");
    const b = await callIntercom(emu, "US", "/me");
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });
});

describe("rate limiting", () => {
  it("answers 429 rate_limit_exceeded after a burst, with X-RateLimit-* and no Retry-After", async () => {
    await control(emu, "/rate-limit", { region: "US", limit: 3 });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await callIntercom(emu, "US", "/me");
      statuses.push(last.status);
      expect(last.headers.get("x-ratelimit-limit")).toBe("3");
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expectEnvelope(last!, 429, "rate_limit_exceeded");
    expect(last!.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(last!.headers.get("retry-after")).toBeNull();
    const reset = Number(last!.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 10);
    // Other workspaces have their own windows.
    expect((await callIntercom(emu, "EU", "/me")).status).toBe(200);
  });

  it("refills after the window", async () => {
    const quick = await startIntercomEmulator({ rateLimit: 1, rateLimitWindowMs: 200 });
    try {
      await withFakeClock(async () => {
        expect((await callIntercom(quick, "US", "/me")).status).toBe(200);
        expect((await callIntercom(quick, "US", "/me")).status).toBe(429);
        vi.advanceTimersByTime(199);
        expect((await callIntercom(quick, "US", "/me")).status).toBe(429);
        vi.advanceTimersByTime(1);
        expect((await callIntercom(quick, "US", "/me")).status).toBe(200);
      });
    } finally {
      await quick.close();
    }
  });
});

describe("search", () => {
  it("finds every contact sharing an email, users and leads, case-insensitively", async () => {
    const res = await search(byEmail("SAM@example.com"));
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(3);
    expect(res.body.data.map((c: any) => c.role).sort()).toEqual(["lead", "lead", "user"]);
    expect(res.body.pages).toEqual({ type: "pages", page: 1, per_page: 50, total_pages: 1 });
  });

  it("paginates in the body with stable cursors and no next on the last page", async () => {
    const seen: string[] = [];
    let startingAfter: string | undefined;
    let pages = 0;
    do {
      const res = await search({ field: "role", operator: "IN", value: ["user", "lead"] }, { per_page: 25, starting_after: startingAfter });
      expect(res.status).toBe(200);
      pages += 1;
      expect(res.body.pages.page).toBe(pages);
      expect(res.body.total_count).toBe(63);
      seen.push(...res.body.data.map((c: any) => c.id));
      startingAfter = res.body.pages.next?.starting_after;
    } while (startingAfter);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(63);
  });

  it("ignores starting_after in the query string", async () => {
    const first = await search({ field: "role", operator: "=", value: "user" }, { per_page: 5 });
    const again = await callIntercom(emu, "US", `/contacts/search?starting_after=${encodeURIComponent(first.body.pages.next.starting_after)}`, {
      method: "POST",
      body: { query: { field: "role", operator: "=", value: "user" }, pagination: { per_page: 5 } },
    });
    expect(again.body.data.map((c: any) => c.id)).toEqual(first.body.data.map((c: any) => c.id));
  });

  it("returns an empty first page for no match", async () => {
    const res = await search(byEmail("nobody@example.com"));
    expect(res.body).toMatchObject({ data: [], total_count: 0, pages: { page: 1, total_pages: 0 } });
    expect(res.body.pages.next).toBeUndefined();
  });

  it("supports groups, custom attributes and tag ids, and enforces limits", async () => {
    const vip = emu.state.workspace("US").tags.find((t) => t.name === "vip")!.id;
    const res = await search({
      operator: "AND",
      value: [
        { field: "custom_attributes.favorite_color", operator: "=", value: "teal" },
        { field: "tag_id", operator: "=", value: vip },
      ],
    });
    expect(res.body.data.map((c: any) => c.email)).toEqual(["ada@example.com"]);
    const ranged = await search({ field: "custom_attributes.seats", operator: ">", value: 40 });
    expect(ranged.body.total_count).toBeGreaterThan(0);

    const tooDeep = { operator: "OR", value: [{ operator: "AND", value: [{ operator: "OR", value: [byEmail("a@b.c")] }] }] };
    expectEnvelope(await search(tooDeep), 400, "parameter_invalid");
    expectEnvelope(await search({ operator: "OR", value: Array.from({ length: 16 }, () => byEmail("a@b.c")) }), 400, "parameter_invalid");
    expectEnvelope(await search({ field: "created_at", operator: "~", value: "1" }), 400, "parameter_invalid");
    expectEnvelope(await search({ field: "nope", operator: "=", value: "1" }), 400, "parameter_invalid");
    expectEnvelope(await search(byEmail("a@b.c"), { per_page: 151 }), 400, "parameter_invalid");
    expectEnvelope(await search(byEmail("a@b.c"), { per_page: 5, starting_after: "garbage" }), 400, "parameter_invalid");
  });

  it("hides new contacts until indexed", async () => {
    await withFakeClock(async () => {
      await control(emu, "/contacts", { region: "US", email: "new@example.com", indexingDelayMs: 150 });
      expect((await search(byEmail("new@example.com"))).body.total_count).toBe(0);
      vi.advanceTimersByTime(149);
      expect((await search(byEmail("new@example.com"))).body.total_count).toBe(0);
      vi.advanceTimersByTime(1);
      expect((await search(byEmail("new@example.com"))).body.total_count).toBe(1);
    });
  });
});

describe("contacts and tags", () => {
  it("embeds at most 10 name-less tag references with has_more", async () => {
    const res = await callIntercom(emu, "US", `/contacts/${contactId("taggy@example.com")}`);
    expect(res.body.tags.data).toHaveLength(10);
    expect(res.body.tags).toMatchObject({ total_count: 12, has_more: true, url: expect.stringMatching(/\/tags$/) });
    expect(res.body.tags.data[0]).not.toHaveProperty("name");
    const tags = await callIntercom(emu, "US", `/contacts/${contactId("taggy@example.com")}/tags`);
    expect(tags.body.data).toHaveLength(12);
    expect(tags.body.data[0]).toMatchObject({ type: "tag", name: "vip", applied_by: { type: "admin" } });
  });

  it("answers 404 User Not Found for an unknown contact", async () => {
    expectEnvelope(await callIntercom(emu, "US", "/contacts/000000000000000000000000"), 404, "not_found");
    expectEnvelope(await callIntercom(emu, "US", "/contacts/000000000000000000000000/tags"), 404, "not_found");
  });

  it("keeps workspaces apart", async () => {
    expectEnvelope(await callIntercom(emu, "EU", `/contacts/${contactId("ada@example.com")}`), 404, "not_found");
    expect((await callIntercom(emu, "EU", "/contacts/search", { method: "POST", body: { query: byEmail("eu.user@example.eu") } })).body.total_count).toBe(1);
  });

  it("tags idempotently and finds tags by name case-insensitively", async () => {
    const id = contactId("grace@example.com");
    const created = await callIntercom(emu, "US", "/tags", { method: "POST", body: { name: "VIP", users: [{ id }] } });
    expect(created.body.name).toBe("vip");
    const again = await callIntercom(emu, "US", `/contacts/${id}/tags`, { method: "POST", body: { id: Number(created.body.id) } });
    expect(again.status).toBe(200);
    expect((await callIntercom(emu, "US", `/contacts/${id}/tags`)).body.data).toHaveLength(1);
    expect((await callIntercom(emu, "US", `/contacts/${id}/tags/${created.body.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await callIntercom(emu, "US", "/tags")).body.data.length).toBe(13);
  });
});

describe("PUT /contacts/{id} custom attributes", () => {
  const put = (email: string, body: unknown) => callIntercom(emu, "US", `/contacts/${contactId(email)}`, { method: "PUT", body });

  it("merges key by key and clears keys with null", async () => {
    const res = await put("ada@example.com", { custom_attributes: { seats: 20, favorite_color: null } });
    expect(res.status).toBe(200);
    expect(res.body.custom_attributes).toEqual({ seats: 20, mrr: 499.5, is_beta: true, trial_ends_at: 1767225600, job_role: "founder" });
    expect(res.body.type).toBe("contact");
  });

  it("rejects an unknown key and applies nothing", async () => {
    const res = await put("ada@example.com", { custom_attributes: { seats: 1, not_a_thing: "x" } });
    expectEnvelope(res, 400, "parameter_invalid");
    expect(res.body.errors[0].message).toContain("does not exist");
    expect((await callIntercom(emu, "US", `/contacts/${contactId("ada@example.com")}`)).body.custom_attributes.seats).toBe(12);
  });

  it("rejects wrong types, objects, archived and non-API-writable attributes", async () => {
    for (const custom_attributes of [
      { seats: "many" },
      { seats: 1.5 },
      { mrr: "10" },
      { is_beta: "yes" },
      { trial_ends_at: "2026-01-01" },
      { favorite_color: { nested: true } },
      { job_role: "x".repeat(256) },
      { legacy_score: 3 },
      { health_score: 0.5 },
    ]) {
      expectEnvelope(await put("grace@example.com", { custom_attributes }), 400, "parameter_invalid");
    }
  });

  it("accepts every type's valid value, and list values outside the options unless configured", async () => {
    const res = await put("grace@example.com", {
      custom_attributes: { favorite_color: "purple", seats: 3, mrr: 9.5, is_beta: false, trial_ends_at: 1767225600, "Signup Source": "ads" },
    });
    expect(res.status).toBe(200);
    await control(emu, "/config", { validateListOptions: true });
    expectEnvelope(await put("grace@example.com", { custom_attributes: { favorite_color: "purple" } }), 400, "parameter_invalid");
  });
});

describe("data attributes", () => {
  const list = (query = "?model=contact") => callIntercom(emu, "US", `/data_attributes${query}`);
  const create = (body: Record<string, unknown>) =>
    callIntercom(emu, "US", "/data_attributes", { method: "POST", body: { model: "contact", data_type: "string", ...body } });

  it("lists standard and custom attributes; archived only on request", async () => {
    const res = await list();
    const names = res.body.data.map((a: any) => a.name);
    expect(names).toEqual(expect.arrayContaining(["email", "name", "favorite_color", "seats", "mrr", "is_beta", "trial_ends_at", "job_role", "health_score"]));
    expect(names).not.toContain("legacy_score");
    expect(names).not.toContain("industry");
    const email = res.body.data.find((a: any) => a.name === "email");
    expect(email).toMatchObject({ custom: false, full_name: "email" });
    expect(email).not.toHaveProperty("id");
    expect(res.body.data.find((a: any) => a.name === "favorite_color")).toMatchObject({ id: expect.any(Number), full_name: "custom_attributes.favorite_color", options: ["red", "teal"] });
    expect(res.body.data.find((a: any) => a.name === "health_score").api_writable).toBe(false);
    const types = new Set(res.body.data.filter((a: any) => a.custom).map((a: any) => a.data_type));
    expect([...types].sort()).toEqual(["boolean", "date", "float", "integer", "string"]);
    expect((await list("?model=contact&include_archived=true")).body.data.map((a: any) => a.name)).toContain("legacy_score");
  });

  it("creates with 200, options as string + options, and shows it in the next list", async () => {
    const res = await create({ name: "tailor_role", data_type: "options", description: "Role", options: [{ value: "founder" }, { value: "marketer" }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      type: "data_attribute",
      name: "tailor_role",
      full_name: "custom_attributes.tailor_role",
      label: "tailor_role",
      data_type: "string",
      options: ["founder", "marketer"],
      custom: true,
      ui_writable: false,
      api_writable: true,
    });
    expect((await create({ name: "renewal", data_type: "datetime" })).body.data_type).toBe("date");
    expect((await create({ name: "The One Ring" })).status).toBe(200);
    expect((await list()).body.data.map((a: any) => a.name)).toEqual(expect.arrayContaining(["tailor_role", "renewal", "The One Ring"]));
  });

  it("enforces names, uniqueness, standard clashes, types, models and options", async () => {
    const bad = [
      { name: "!nv@l!d n@me" },
      { name: "a.b" },
      { name: "cost$" },
      { name: "  " },
      { name: "FAVORITE_COLOR" },
      { name: "industry" },
      { name: "Email" },
      { name: "ok_name", data_type: "list" },
      { name: "ok_name", model: "conversation" },
      { name: "ok_name", data_type: "options", options: [{ value: "one" }] },
    ];
    for (const body of bad) expectEnvelope(await create(body), 400, "parameter_invalid");
    expect((await create({ name: "Email" })).body.errors[0].message).toContain("standard attributes");
    expect((await create({ name: "FAVORITE_COLOR" })).body.errors[0].message).toContain("already have 'favorite_color'");
  });

  it("caps live custom attributes, archived ones free a slot", async () => {
    await control(emu, "/config", { maxCustomAttributes: 8 });
    expectEnvelope(await create({ name: "one_too_many" }), 400, "parameter_invalid");
    await control(emu, "/data-attributes/archive", { region: "US", name: "seats" });
    expect((await create({ name: "one_too_many" })).status).toBe(200);
  });
});

describe("faults and control API", () => {
  it("adds latency", async () => {
    await control(emu, "/faults", { latencyMs: 120 });
    const started = Date.now();
    expect((await callIntercom(emu, "US", "/me")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("injects 500/503 envelopes for a share or a count of requests", async () => {
    await control(emu, "/faults", { errorRate: 1, errorStatus: 503 });
    expectEnvelope(await callIntercom(emu, "US", "/me"), 503, "service_unavailable");
    await control(emu, "/faults", { errorCount: 1 });
    expectEnvelope(await callIntercom(emu, "US", "/me"), 500, "server_error");
    expect((await callIntercom(emu, "US", "/me")).status).toBe(200);
  });

  it("drops connections and scopes faults by region", async () => {
    await control(emu, "/faults", { dropRate: 1, region: "EU" });
    await expect(callIntercom(emu, "EU", "/me")).rejects.toThrow();
    expect((await callIntercom(emu, "US", "/me")).status).toBe(200);
    await control(emu, "/faults", undefined, "DELETE");
    expect((await callIntercom(emu, "EU", "/me")).status).toBe(200);
  });

  it("creates, lists and dumps state; reset restores the seed", async () => {
    const created = await control(emu, "/contacts", { region: "EU", email: "x@example.eu", role: "lead", custom_attributes: { seats: 2 } });
    expect(created.body).toMatchObject({ type: "contact", role: "lead", workspace_id: "eu7xk2qa" });
    expect((await control(emu, "/contacts?region=EU&email=x@example.eu")).body.data).toHaveLength(1);
    expect((await control(emu, "/state")).body.workspaces).toHaveLength(3);
    await control(emu, "/reset", {});
    expect((await control(emu, "/contacts?region=EU&email=x@example.eu")).body.data).toHaveLength(0);
    expect((await control(emu, "/nope")).status).toBe(404);
  });
});

describe("data events", () => {
  const post = (body: unknown, token?: string) => callIntercom(emu, "US", "/events", { method: "POST", token, body });
  const now = 1_767_000_000;

  it("accepts an event with 202 and an empty body, keeps the first 10 metadata keys, lists it back", async () => {
    const metadata = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]));
    const res = await post({ id: contactId("ada@example.com"), event_name: "completed-flow", created_at: now, metadata });
    expect(res.status).toBe(202);
    expect(res.body).toBeUndefined();
    const listed = await callIntercom(emu, "US", `/events?type=user&intercom_user_id=${contactId("ada@example.com")}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ type: "event.list", intercom_user_id: contactId("ada@example.com"), pages: { next: null } });
    expect(listed.body.events).toHaveLength(1);
    expect(Object.keys(listed.body.events[0].metadata)).toEqual(["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"]);
  });

  it("deduplicates on contact + name + created_at (202 all the same) and counts the duplicates", async () => {
    const event = { id: contactId("ada@example.com"), event_name: "viewed-pricing", created_at: now };
    for (let i = 0; i < 3; i++) expect((await post(event)).status).toBe(202);
    expect((await post({ ...event, created_at: now + 1 })).status).toBe(202);
    expect((await post({ ...event, id: contactId("grace@example.com") })).status).toBe(202);
    const all = await control(emu, "/events?region=US");
    expect(all.body.events).toHaveLength(3);
    expect(all.body.duplicates).toBe(2);
    expect((await control(emu, "/events?region=US&email=grace@example.com")).body.events).toHaveLength(1);
  });

  it("finds the contact by id, user_id or email; 404 for an unknown one; refuses nested metadata and missing fields", async () => {
    expect((await post({ email: "grace@example.com", event_name: "a-b", created_at: now })).status).toBe(202);
    expectEnvelope(await post({ id: "000000000000000000000000", event_name: "a-b", created_at: now }), 404, "not_found");
    expectEnvelope(await post({ email: "nobody@example.com", event_name: "a-b", created_at: now }), 404, "not_found");
    const nested = await post({ id: contactId("ada@example.com"), event_name: "a-b", created_at: now, metadata: { plan: { name: "pro" } } });
    expectEnvelope(nested, 400, "parameter_invalid");
    expect(nested.body.errors[0].field).toBe("metadata.plan");
    expectEnvelope(await post({ id: contactId("ada@example.com"), event_name: "a-b", created_at: now, metadata: { list: [1] } }), 400, "parameter_invalid");
    expectEnvelope(await post({ id: contactId("ada@example.com"), created_at: now }), 400, "parameter_invalid");
    expectEnvelope(await post({ id: contactId("ada@example.com"), event_name: "a-b" }), 400, "parameter_invalid");
    // Rich links and money are the two object shapes Intercom documents.
    const rich = await post({ id: contactId("ada@example.com"), event_name: "a-b", created_at: now + 5, metadata: { article: { url: "https://x.test/a", value: "A" }, price: { amount: 100, currency: "eur" } } });
    expect(rich.status).toBe(202);
    expectEnvelope(await post({ id: contactId("ada@example.com"), event_name: "a-b", created_at: now }, emu.tokens.US.readOnly), 401, "token_unauthorized");
    expect((await control(emu, "/events?region=US")).body.events).toHaveLength(2);
  });

  it("lists newest first with pages, a summary per name, and refuses a listing without type=user", async () => {
    const id = contactId("ada@example.com");
    for (let i = 0; i < 4; i++) await post({ id, event_name: "visited-page", created_at: now + i });
    const page = await callIntercom(emu, "US", `/events?type=user&intercom_user_id=${id}&per_page=3`);
    expect(page.body.events.map((e: any) => e.created_at)).toEqual([now + 3, now + 2, now + 1]);
    expect(page.body.pages.next).toContain("page_offset=3");
    const summary = await callIntercom(emu, "US", `/events?type=user&intercom_user_id=${id}&summary=true`);
    expect(summary.body).toMatchObject({ type: "event.summary", events: [{ name: "visited-page", count: 4 }] });
    expectEnvelope(await callIntercom(emu, "US", `/events?intercom_user_id=${id}`), 400, "parameter_invalid");
    expectEnvelope(await callIntercom(emu, "US", `/events?type=user&intercom_user_id=nope`), 404, "not_found");
  });
});
