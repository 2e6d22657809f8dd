import { request as httpRequest } from "node:http";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The public API's bad-input and attack cases, run against both mounts of the same handlers:
//  - "runtime server": real HTTP to the standalone hono server (lib/runtime-server), from real
//    loopback source addresses (the peer is the socket's, as in production);
//  - "Next route handlers": the exported POST/OPTIONS of app/api/v1/*/route.ts called with real
//    Requests, carrying the peer stamp exactly as server.mjs writes it (starting `next start` per
//    test file would be too heavy; e2e/demo-site*.spec.ts covers Next itself).
// Limits are small here so the rate-limit cases stay quick; both mounts share this process's limiters.
const env = vi.hoisted(() => {
  process.env.TAILOR_PUBLIC_RATE_LIMIT = "20";
  process.env.TAILOR_PUBLIC_CLIENT_RATE_LIMIT = "60";
  process.env.TAILOR_PEER_STAMP = `test-stamp-${Math.random().toString(36).slice(2)}`;
  process.env.APP_URL = "http://app.tailor.test";
  delete process.env.TAILOR_TRUSTED_PROXIES;
  delete process.env.REDIS_URL;
  return { stamp: process.env.TAILOR_PEER_STAMP };
});

import { getDb, tables } from "@/db/client";
import { computeUserHash } from "@/lib/identity/hash";
import { rotateIdentitySecret } from "@/lib/identity/settings";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { getOrCreateSite } from "@/lib/runtime/sites";
import { setUpSyncWorkspace, syncFixture } from "@/lib/sync/test-support";
import * as answersRoute from "@/app/api/v1/answers/route";
import * as decideRoute from "@/app/api/v1/decide/route";
import * as flowRoute from "@/app/api/v1/flow/route";
import * as identifyRoute from "@/app/api/v1/identify/route";
import { startRuntimeServer, type RuntimeServer } from "./server";

type Call = { path: string; method?: "POST" | "OPTIONS"; body?: string; headers?: Record<string, string>; from: string; chunked?: boolean };
type Reply = { status: number; header: (name: string) => string | null; text: string; json: () => { error?: { code: string; message: string; fields?: Record<string, string> } } & Record<string, unknown> };
type Mount = { name: string; call: (c: Call) => Promise<Reply> };

const SHOP = "https://shop.example";

function reply(status: number, headers: (name: string) => string | null, text: string): Reply {
  return { status, header: headers, text, json: () => JSON.parse(text) };
}

let runtime: RuntimeServer;
const runtimeMount: Mount = {
  name: "runtime server",
  call: (c) =>
    new Promise((resolve, reject) => {
      const url = new URL(`/api/v1/${c.path}`, runtime.url);
      const headers: Record<string, string> = { ...c.headers };
      if (c.body !== undefined && !c.chunked && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) headers["Content-Length"] = String(Buffer.byteLength(c.body));
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: c.method ?? "POST", localAddress: c.from, agent: false, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          const get = (name: string) => {
            const v = res.headers[name.toLowerCase()];
            return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
          };
          resolve(reply(res.statusCode ?? 0, get, text));
        });
      });
      req.on("error", reject);
      if (c.body !== undefined && c.chunked) {
        // No Content-Length: the body arrives in pieces and must be cut off at the limit.
        for (let i = 0; i < c.body.length; i += 1024) req.write(c.body.slice(i, i + 1024));
        req.end();
      } else req.end(c.body);
    }),
};

const routes = { answers: answersRoute, decide: decideRoute, flow: flowRoute, identify: identifyRoute } as Record<string, { POST: (r: Request) => Promise<Response>; OPTIONS: (r: Request) => Promise<Response> }>;
const nextMount: Mount = {
  name: "Next route handlers",
  call: async (c) => {
    const headers = new Headers(c.headers);
    // What server.mjs does in front of Next: the socket's peer, with this deployment's stamp, over whatever the client sent.
    headers.set("x-tailor-peer", `${env.stamp} ${c.from}`);
    headers.set("host", "app.tailor.test");
    let body: BodyInit | undefined = c.body;
    if (c.body !== undefined && c.chunked) {
      const bytes = new TextEncoder().encode(c.body);
      body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
          controller.close();
        },
      });
    } else if (c.body !== undefined && !headers.has("content-length")) headers.set("content-length", String(Buffer.byteLength(c.body)));
    const request = new Request(`http://app.tailor.test/api/v1/${c.path}`, { method: c.method ?? "POST", headers, body, duplex: "half" } as RequestInit);
    const route = routes[c.path]!;
    const response = await (c.method === "OPTIONS" ? route.OPTIONS(request) : route.POST(request));
    return reply(response.status, (n) => response.headers.get(n), await response.text());
  },
};

let emulator: IntercomEmulator;
beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture() });
  Object.assign(process.env, emulatorEnv(emulator));
  runtime = await startRuntimeServer({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await runtime?.close();
  await emulator?.close();
});

describe.each([runtimeMount, nextMount].map((mount, i) => ({ mount, net: i + 1 })))("public API via $mount.name", ({ mount, net }) => {
  let siteKey = "";
  let workspaceId = "";
  let secret = "";
  const from = (host: number) => `127.0.${net}.${host}`;
  const post = (path: string, body: unknown, opts: { from: string; headers?: Record<string, string> }) =>
    mount.call({ path, body: typeof body === "string" ? body : JSON.stringify(body), from: opts.from, headers: { "Content-Type": "application/json", Origin: SHOP, ...opts.headers } });
  const countVisitors = async () => Number((await getDb().select({ n: sql<number>`count(*)` }).from(tables.visitors).where(eq(tables.visitors.workspaceId, workspaceId)))[0]!.n);

  beforeAll(async () => {
    const { actor } = await setUpSyncWorkspace(emulator);
    workspaceId = actor.workspaceId;
    secret = (await rotateIdentitySecret(actor)).secret;
    siteKey = (await getOrCreateSite(workspaceId)).siteKey;
    await getDb().update(tables.sites).set({ allowedOrigins: [SHOP] }).where(eq(tables.sites.workspaceId, workspaceId));
    await savePersonalization(actor, {
      placementKey: "hero",
      name: "Hero",
      defaultHtml: "<h1>Hello there</h1>",
      variants: [
        {
          id: "known",
          name: "Known",
          rule: { type: "group", combinator: "and", children: [{ id: "c1", type: "attribute", attribute: "intercom.favorite_color", operator: "exists" }] },
          html: "<h1>Welcome back, {{intercom.name | fallback: \"friend\"}}</h1><p>{{intercom.favorite_color}}</p>",
        },
      ],
    });
    await publishDraft(actor);
  });

  it("refuses every bad request with a 4xx JSON error and stores nothing", async () => {
    const before = await countVisitors();
    const valid = { siteKey, visitorId: "visitor-bad-input-1" };
    const cases: [path: string, body: string, headers: Record<string, string>, status: number, code: string][] = [
      ["decide", "{not json", {}, 400, "invalid_json"],
      ["decide", "", {}, 400, "invalid_json"],
      ["decide", JSON.stringify({ visitorId: "visitor-bad-input-1" }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, siteKey: 42 }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, siteKey: "site_unknown" }), {}, 404, "unknown_site"],
      ["decide", JSON.stringify(valid), { Origin: "https://evil.example" }, 403, "origin_not_allowed"],
      ["decide", JSON.stringify(valid), { Origin: "https://shop.example.evil.example" }, 403, "origin_not_allowed"],
      ["decide", JSON.stringify(valid), { Origin: "null" }, 403, "origin_not_allowed"],
      ["identify", JSON.stringify({ ...valid, email: "not-an-email" }), {}, 400, "invalid_request"],
      ["identify", JSON.stringify({ ...valid }), {}, 400, "invalid_request"],
      ["identify", JSON.stringify({ ...valid, email: "a@example.com", intercomContactId: "abc" }), {}, 400, "invalid_request"],
      ["identify", JSON.stringify({ ...valid, email: "a@example.com", userHash: "f".repeat(200) }), {}, 400, "invalid_request"],
      ["answers", JSON.stringify({ ...valid, question: "role", answers: [] }), {}, 400, "invalid_request"],
      ["answers", JSON.stringify({ ...valid, question: "<script>alert(1)</script>", answers: ["a"] }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, visitorId: "x" }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, visitorId: "<img src=x onerror=alert(1)>" }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, placements: ['"><svg onload=alert(1)>'] }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, placements: Array.from({ length: 51 }, (_, i) => `p${i}`) }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }), {}, 200, ""],
      ["flow", JSON.stringify({ ...valid, flow: "welcome", step: "role", action: "answer" }), {}, 400, "invalid_request"],
      ["flow", JSON.stringify({ ...valid, flow: "welcome", step: "role", action: "jump" }), {}, 400, "invalid_request"],
      ["flow", JSON.stringify({ ...valid, flow: "no-such-flow", step: "role", action: "continue" }), {}, 404, "unknown_flow"],
      ["identify", JSON.stringify({ ...valid, email: `${"a".repeat(9000)}@example.com` }), {}, 413, "payload_too_large"],
      ["decide", JSON.stringify(valid), { "Content-Type": "application/x-www-form-urlencoded" }, 415, "unsupported_media_type"],
      ["decide", JSON.stringify(valid), { "Content-Type": "text/html" }, 415, "unsupported_media_type"],
    ];
    for (const [path, body, headers, status, code] of cases) {
      const res = await post(path, body, { from: from(10), headers });
      expect(res.status, `${path} ${code} ${body.slice(0, 60)}`).toBe(status);
      expect(res.header("content-type")).toMatch(/^application\/json/);
      expect(res.header("cache-control")).toBe("no-store");
      if (status === 200) continue;
      const error = res.json().error!;
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(0);
      if (code === "invalid_request") expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
      if (code === "origin_not_allowed") expect(res.header("access-control-allow-origin")).toBeNull();
      // An error never reflects the payload as HTML.
      expect(res.text).not.toMatch(/<script|<img|<svg/i);
    }
    // The one valid-but-odd body (prototype keys) was a decision for a visitor that stays anonymous: nothing identifying stored.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rows = await getDb().select().from(tables.visitors).where(eq(tables.visitors.workspaceId, workspaceId));
    expect(rows.filter((r) => r.email !== null || r.intercomContactId !== null)).toEqual([]);
    expect(await countVisitors()).toBeLessThanOrEqual(before + 1);
  });

  it("refuses an oversized body sent without Content-Length, without buffering all of it", async () => {
    const res = await mount.call({
      path: "answers",
      body: JSON.stringify({ siteKey, visitorId: "visitor-chunked-1", question: "q", answers: ["a".repeat(20_000)] }),
      chunked: true,
      from: from(11),
      headers: { "Content-Type": "application/json", Origin: SHOP },
    });
    expect(res.status).toBe(413);
    expect(res.json().error!.code).toBe("payload_too_large");
  });

  it("accepts text/plain (sendBeacon) and answers CORS only for allowed origins and the app's own", async () => {
    const ok = await post("decide", { siteKey, visitorId: "visitor-cors-0001", placements: ["hero"] }, { from: from(12), headers: { "Content-Type": "text/plain;charset=UTF-8" } });
    expect(ok.status).toBe(200);
    expect(ok.header("access-control-allow-origin")).toBe(SHOP);
    expect(ok.header("vary")).toMatch(/Origin/);
    expect(ok.json()).toEqual({ placements: { hero: { html: "<h1>Hello there</h1>", variant: null, arm: "default" } }, identified: false });

    const app = await post("decide", { siteKey, visitorId: "visitor-cors-0001", placements: [] }, { from: from(12), headers: { Origin: "http://app.tailor.test" } });
    expect(app.status).toBe(200);
    expect(app.header("access-control-allow-origin")).toBe("http://app.tailor.test");

    const noOrigin = await mount.call({ path: "decide", body: JSON.stringify({ siteKey, visitorId: "visitor-cors-0001" }), from: from(12), headers: { "Content-Type": "application/json" } });
    expect(noOrigin.status).toBe(200);
    expect(noOrigin.header("access-control-allow-origin")).toBeNull();

    const preflight = await mount.call({ path: "identify", method: "OPTIONS", from: from(12), headers: { Origin: SHOP, "Access-Control-Request-Method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.header("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(preflight.header("access-control-allow-headers")).toBe("Content-Type");
    expect(preflight.header("access-control-allow-credentials")).toBeNull();
  });

  it("a spoofed X-Forwarded-Host from an untrusted client doesn't pass the origin check", async () => {
    const res = await post("decide", { siteKey, visitorId: "spoofing-visitor", placements: [] }, {
      from: from(13),
      headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Host: "evil.example" },
    });
    expect(res.status).toBe(403);
    expect(res.json().error!.code).toBe("origin_not_allowed");
  });

  it("one visitor id hammering from a shared address runs out alone, with Retry-After", async () => {
    const replies = await Promise.all(Array.from({ length: 25 }, () => post("decide", { siteKey, visitorId: "hammering-visitor", placements: [] }, { from: from(14) })));
    const limited = replies.filter((r) => r.status === 429);
    expect(limited).toHaveLength(5);
    expect(limited[0]!.json().error!.code).toBe("rate_limited");
    expect(Number(limited[0]!.header("retry-after"))).toBeGreaterThan(0);
    expect(limited[0]!.header("access-control-allow-origin")).toBe(SHOP); // the page can read why
    const other = await post("decide", { siteKey, visitorId: "quiet-visitor-1", placements: [] }, { from: from(14) });
    expect(other.status).toBe(200);
  });

  it("a client rotating X-Forwarded-For, peer headers and visitor ids hits its ceiling; a second client still gets through", async () => {
    const noisy = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        post("identify", { siteKey, visitorId: `noisy-visitor-${i}`, email: `victim${i}@e2e.test` }, {
          from: from(15),
          headers: { "X-Forwarded-For": `203.0.113.${i}, 198.51.100.${i}`, "X-Real-IP": `192.0.2.${i}`, "X-Tailor-Peer": `guessed-stamp 203.0.113.${i}` },
        }),
      ),
    );
    expect(noisy.filter((r) => r.status === 429)).toHaveLength(20);
    const real = await Promise.all(Array.from({ length: 10 }, (_, i) => post("identify", { siteKey, visitorId: `real-visitor-${i}`, email: `real${i}@e2e.test` }, { from: from(16) })));
    expect(real.map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it("identity verification: missing or forged hashes identify nobody (same answer for any email); a signed one personalizes, escaped", async () => {
    const contact = emulator.state.addContact("US", { email: `mallory-${net}@id.example`, name: "<script>alert(1)</script>", custom_attributes: { favorite_color: '<img src=x onerror="alert(2)">' } }, 0);
    const email = contact.email!;
    const unsigned = await post("identify", { siteKey, visitorId: "attacker-00001", email }, { from: from(17) });
    const forged = await post("identify", { siteKey, visitorId: "attacker-00001", email, userHash: computeUserHash("guessed-secret", email) }, { from: from(17) });
    const nobody = await post("identify", { siteKey, visitorId: "attacker-00002", email: "nobody@id.example", userHash: "00" }, { from: from(17) });
    for (const res of [unsigned, forged, nobody]) {
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ identified: false, verified: false });
    }
    const attacker = await post("decide", { siteKey, visitorId: "attacker-00001", placements: ["hero"] }, { from: from(17) });
    expect(attacker.json()).toEqual({ placements: { hero: { html: "<h1>Hello there</h1>", variant: null, arm: "default" } }, identified: false });
    const visitors = await getDb().select().from(tables.visitors).where(and(eq(tables.visitors.workspaceId, workspaceId), eq(tables.visitors.anonymousId, "attacker-00001")));
    expect(visitors.every((v) => v.email === null && v.intercomContactId === null)).toBe(true);

    const signed = await post("identify", { siteKey, visitorId: `mallory-visitor-${net}`, email, userHash: computeUserHash(secret, email) }, { from: from(18) });
    expect(signed.json()).toEqual({ identified: true, verified: true });
    const decision = await post("decide", { siteKey, visitorId: `mallory-visitor-${net}`, placements: ["hero"] }, { from: from(18) });
    expect(decision.status).toBe(200);
    const hero = (decision.json().placements as Record<string, { html: string; variant: string }>).hero!;
    expect(hero.variant).toBe("Known");
    expect(hero.html).toBe("<h1>Welcome back, &lt;script&gt;alert(1)&lt;/script&gt;</h1><p>&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>");
  });
});

describe("runtime server only", () => {
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${runtime.url}${path}`, { headers });

  it("serves tailor.js with long-lived caching and an ETag, 304 when unchanged", async () => {
    const first = await get("/tailor.js");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d{5,}/);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await first.text()).toContain("Tailor website snippet");
    const again = await get("/tailor.js", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get("/tailor.js", { "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("answers /health and /ready, JSON 404 for unknown paths and 405 for GET on the API", async () => {
    expect(await (await get("/health")).json()).toMatchObject({ ok: true, status: "ok" });
    const ready = await get("/ready");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { database: { ok: true }, migrations: { ok: true } } });
    const missing = await get("/api/v1/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
    const wrongMethod = await get("/api/v1/decide");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST, OPTIONS");
  });
});
