/**
 * Two real app nodes (server.mjs on the built app) against one Postgres database and one Redis:
 * the shared contact cache, publish fan-out, the global rate limit, Redis dying mid-test, and
 * impressions buffered per node (deduplicated in the database, written when a node stops).
 * Needs `npm run build` first (npm test builds before `npm run test:cluster`).
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "@/db/test-database";
import type { IntercomEmulator } from "@/emulator/server";
import { freePort, privateRedis, startAppNode, type AppNode, type RedisServer } from "@/lib/testing/cluster";

const RATE_LIMIT = 30;
let db: FreshDatabase;
let emulator: IntercomEmulator;
let redis: RedisServer;
let nodes: AppNode[] = [];
let siteKey: string;
let actor: { workspaceId: string; userId: string };
let signed: (email: string) => { email: string; userHash: string };
const calls: string[] = [];
let ip = 0;

// Every request gets its own client address (X-Forwarded-For) unless a test is about the limit.
async function post(node: AppNode, pathname: string, body: unknown, clientIp = `198.51.100.${++ip % 250}`) {
  return fetch(`${node.base}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": clientIp },
    body: JSON.stringify({ siteKey, ...(body as object) }),
  });
}

async function decideHero(node: AppNode, visitorId: string): Promise<string> {
  const res = await post(node, "/api/v1/decide", { visitorId, placements: ["hero"] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { placements: { hero: { html: string } } }).placements.hero.html;
}

beforeAll(async () => {
  if (!existsSync(".next/BUILD_ID")) throw new Error("Run `npm run build` first: this test starts the built app.");
  db = await createFreshDatabase("postgres", process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  const env = {
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TAILOR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    TAILOR_PUBLIC_RATE_LIMIT: String(RATE_LIMIT),
    TAILOR_INPROCESS_WORKER: "0",
  };
  Object.assign(process.env, env);
  const { startIntercomEmulator } = await import("@/emulator/server");
  emulator = await startIntercomEmulator({ port: 0, onExchange: (e) => calls.push(`${e.method} ${e.route ?? e.path}`) });
  const intercom = Object.fromEntries((["US", "EU", "AU"] as const).map((r) => [`INTERCOM_BASE_URL_${r}`, emulator.baseUrls[r]]));
  Object.assign(process.env, intercom);

  const { migrateDatabase } = await import("@/db/migrate-db");
  const { seedDemo } = await import("@/db/seed");
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { getDb, tables } = await import("@/db/client");
  const { eq } = await import("drizzle-orm");
  await migrateDatabase();
  await seedDemo();
  ({ siteKey } = await seedDemoWebsite("acme", emulator.tokens.US.full));
  const [ws] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, "acme"));
  const [owner] = await getDb().select().from(tables.memberships).where(eq(tables.memberships.workspaceId, ws!.id));
  actor = { workspaceId: ws!.id, userId: owner!.userId };
  // Identity verification is Required by default: identify as a customer's server would sign it.
  const { ensureIdentitySecret } = await import("@/lib/identity/settings");
  const { computeUserHash } = await import("@/lib/identity/hash");
  const secret = await ensureIdentitySecret(ws!.id);
  signed = (email) => ({ email, userHash: computeUserHash(secret, email) });

  redis = await privateRedis(await freePort());
  const ports = [await freePort(), await freePort()];
  nodes = await Promise.all(ports.map((port) => startAppNode(port, { ...env, ...intercom, REDIS_URL: redis.url })));
}, 120_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  await redis?.stop();
  await emulator?.close();
  const { closeDb } = await import("@/db/client");
  await closeDb();
  await db?.drop();
});

describe("two app nodes on Postgres + Redis", () => {
  it("share the Intercom contact cache: the second node makes 0 Intercom calls", async () => {
    const [one, two] = nodes as [AppNode, AppNode];
    expect((await post(one, "/api/v1/identify", { visitorId: "cluster-ada", ...signed("ada@example.com") })).status).toBe(200);
    const first = await decideHero(one, "cluster-ada");
    calls.length = 0;
    // Another visitor of the same contact, identified on the second node by contact id, and the first visitor's next views there.
    expect(await decideHero(two, "cluster-ada")).toBe(first);
    expect(await decideHero(two, "cluster-ada")).toBe(first);
    expect(calls).toEqual([]);
    expect(first).toMatch(/Welcome back/);
  });

  it("shows a publish on every node within a second", async () => {
    const { listPersonalizations, savePersonalization } = await import("@/lib/personalizations/personalizations");
    const { publishDraft } = await import("@/lib/publishing/versions");
    // Warm both nodes' live-version caches (5 s TTL) so only the fan-out can explain a fast update.
    for (const node of nodes) await decideHero(node, "cluster-anon");
    const hero = (await listPersonalizations(actor.workspaceId)).find((p) => p.placementKey === "hero")!;
    const marker = `<h1>Published ${Date.now()}</h1>`;
    await savePersonalization(actor, { id: hero.id, placementKey: hero.placementKey, name: hero.name, variants: hero.variants, defaultHtml: marker });
    const published = Date.now();
    await publishDraft(actor);
    const seenAfter = await Promise.all(
      nodes.map(async (node) => {
        while (Date.now() - published < 3_000) {
          if ((await decideHero(node, "cluster-anon")) === marker) return Date.now() - published;
          await new Promise((r) => setTimeout(r, 20));
        }
        return Infinity;
      }),
    );
    expect(Math.max(...seenAfter)).toBeLessThan(1_000);
  });

  it("enforces one rate limit across nodes", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 10; i++) statuses.push((await post(nodes[i % 2]!, "/api/v1/decide", { visitorId: "cluster-limited", placements: [] }, "203.0.113.9")).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it("keeps answering when Redis stops, reports degraded health, and recovers", async () => {
    const [one, two] = nodes as [AppNode, AppNode];
    await redis.stop();
    for (const node of nodes) {
      expect(await decideHero(node, "cluster-ada")).toMatch(/<h1>/);
      expect(await decideHero(node, "cluster-new-visitor")).toMatch(/<h1>/);
      expect((await post(node, "/api/v1/identify", { visitorId: "cluster-grace", ...signed("grace@example.com") })).status).toBe(200);
      const health = (await (await fetch(`${node.base}/api/health`)).json()) as { status: string; redis: string };
      expect(health).toMatchObject({ status: "degraded", redis: "down" });
      // Still ready (a cache outage must not take every node out of the load balancer), but degraded.
      const ready = await fetch(`${node.base}/api/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, degraded: true, checks: { database: { ok: true }, migrations: { ok: true }, redis: { ok: false } } });
    }
    await redis.start();
    for (const node of [one, two]) {
      const deadline = Date.now() + 10_000;
      let status = "";
      while (Date.now() < deadline && status !== "ok") {
        status = ((await (await fetch(`${node.base}/api/health`)).json()) as { status: string }).status;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe("ok");
      expect(await (await fetch(`${node.base}/api/ready`)).json()).toMatchObject({ ready: true, degraded: false, checks: { redis: { ok: true } } });
    }
    // One "unavailable" line per node for the outage, not one per request.
    for (const node of nodes) expect(node.output().match(/redis unavailable/g)?.length ?? 0).toBeLessThanOrEqual(2);
  });

  // Last: it stops both nodes.
  it("buffers impressions per node, dedups them in the database across nodes, and writes a node's buffer when it stops", async () => {
    const visitorId = `two-nodes-imp-${randomBytes(4).toString("hex")}`;
    const report = { visitorId, type: "impressions", id: `report-${visitorId}`, impressions: [{ placement: "hero", arm: "default" }] };
    // The same report reaches both nodes (a retry through the load balancer): each accepts it into its own buffer.
    for (const node of nodes) expect((await post(node, "/api/v1/track", report)).status).toBe(200);
    // SIGTERM right away (within the buffer's second): each node writes what it holds before exiting.
    await Promise.all(nodes.map((n) => n.stop()));
    const { getDb, tables } = await import("@/db/client");
    const { and, eq } = await import("drizzle-orm");
    const [visitor] = await getDb().select().from(tables.visitors).where(and(eq(tables.visitors.workspaceId, actor.workspaceId), eq(tables.visitors.anonymousId, visitorId)));
    const e = tables.analyticsEvents;
    expect(await getDb().select({ arm: e.arm }).from(e).where(and(eq(e.workspaceId, actor.workspaceId), eq(e.visitorId, visitor!.id)))).toEqual([{ arm: "default" }]);
    const x = tables.analyticsExposures;
    expect(await getDb().select({ arm: x.arm }).from(x).where(and(eq(x.workspaceId, actor.workspaceId), eq(x.visitorId, visitor!.id)))).toEqual([{ arm: "default" }]);
  });
});
