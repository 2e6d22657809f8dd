/**
 * `npm run bench:cluster` — the website runtime on several app nodes sharing Postgres and Redis.
 *
 * 3 app processes (server.mjs, as `npm start`, ports BENCH_PORT+1…) on one Postgres database and one Redis, 2 sync
 * workers (`npm run worker`), the local Intercom emulator; the harness spreads load across nodes.
 * 1. Throughput: GET /api/health (trivial route) vs POST /api/v1/decide (identified, warm) on all
 *    nodes at once: requests/s per node, ratio, p99.
 * 2. Replay: identified visitors viewing pages, first with every view on node 1, then on random
 *    nodes: Intercom calls per visitor (by endpoint) within one TTL, 429s, fallbacks.
 * 3. Publish-to-visible: 20 publishes, each polled on every node until it shows (max over all).
 * 4. Global rate limit: one site + client address sends 2× the configured limit round-robin across
 *    nodes: requests admitted vs configured.
 * Writes docs/performance.md (section "Website runtime, several app nodes").
 */
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BEHIND_LOOPBACK_PROXY } from "@/lib/testing/cluster";
import { writePerformanceSection } from "./docs-section";

const BASE_PORT = Number(process.env.BENCH_PORT ?? 3900);
const NODES = Number(process.env.BENCH_NODES ?? 3);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 12);
const VISITORS = Number(process.env.BENCH_VISITORS ?? 400);
const VIEWS_EACH = Number(process.env.BENCH_VIEWS_EACH ?? 5);
const ARRIVALS = Number(process.env.BENCH_ARRIVALS ?? 40);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20);
const RATE_LIMIT = Number(process.env.BENCH_RATE_LIMIT ?? 600);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/9";
const PREFIX = `tailor-bench-${process.pid}:`;
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

type Node = { base: string; process: ChildProcess };
const calls = { byRoute: new Map<string, number>(), status429: 0, total: 0 };
const resetCalls = () => {
  calls.byRoute.clear();
  calls.total = 0;
  calls.status429 = 0;
};

let ipCounter = 0;
// Every simulated visitor has their own client address, as real traffic does; the rate-limit phase uses one.
const nextIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

async function post(node: Node, pathname: string, body: unknown, ip = nextIp()): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${node.base}${pathname}`, { method: "POST", headers: { "Content-Type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("▸ next build");
    if (spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
  }
  const { createFreshDatabase } = await import("@/db/test-database");
  const database = await createFreshDatabase("postgres", process.env.BENCH_DATABASE_URL ?? process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    REDIS_URL,
    TAILOR_REDIS_PREFIX: PREFIX,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TAILOR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    TAILOR_PUBLIC_RATE_LIMIT: String(RATE_LIMIT),
    TAILOR_INPROCESS_WORKER: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);

  const { startIntercomEmulator } = await import("@/emulator/server");
  const emulator = await startIntercomEmulator({
    port: 0,
    onExchange: (e) => {
      calls.total += 1;
      const key = e.status === 429 ? "429 (any endpoint)" : `${e.method} ${e.route ?? e.path}`;
      calls.byRoute.set(key, (calls.byRoute.get(key) ?? 0) + 1);
      if (e.status === 429) calls.status429 += 1;
    },
  });
  for (const region of ["US", "EU", "AU"] as const) env[`INTERCOM_BASE_URL_${region}`] = process.env[`INTERCOM_BASE_URL_${region}`] = emulator.baseUrls[region];
  const vip = emulator.state.workspace("US").tags.find((t) => t.name.toLowerCase() === "vip")!;
  const contacts = 100 + 2 * VISITORS;
  for (let i = 0; i < contacts; i++) {
    emulator.state.addContact("US", { email: `bench${i}@example.com`, name: `Bench ${i}`, custom_attributes: { favorite_color: i % 3 ? "teal" : "red" }, tag_ids: i % 2 ? [vip.id] : [] }, 0);
  }

  console.log("▸ migrate + seed (Postgres)");
  const { migrateDatabase } = await import("@/db/migrate-db");
  const { seedDemo } = await import("@/db/seed");
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { seedDemoFlow } = await import("@/lib/dev/seed-flow");
  const { getDb, tables, closeDb } = await import("@/db/client");
  const { eq } = await import("drizzle-orm");
  await migrateDatabase();
  await seedDemo();
  const { siteKey } = await seedDemoWebsite("acme", emulator.tokens.US.full);
  await seedDemoFlow("acme");
  const [ws] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, "acme"));
  const [owner] = await getDb().select().from(tables.memberships).where(eq(tables.memberships.workspaceId, ws!.id));
  const actor = { workspaceId: ws!.id, userId: owner!.userId };
  // Identity verification is Required by default: visitors identify with a hash signed here, as a customer's server would.
  const { ensureIdentitySecret } = await import("@/lib/identity/settings");
  const { computeUserHash } = await import("@/lib/identity/hash");
  const identitySecret = await ensureIdentitySecret(ws!.id);
  const signed = (email: string) => ({ email, userHash: computeUserHash(identitySecret, email) });

  console.log(`▸ ${NODES} app nodes, ${WORKERS} sync workers`);
  const children: ChildProcess[] = [];
  const nodes: Node[] = [];
  try {
    for (let i = 0; i < NODES; i++) {
      const port = BASE_PORT + 1 + i;
      const child = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production", ...BEHIND_LOOPBACK_PROXY, ...env } });
      children.push(child);
      nodes.push({ base: `http://127.0.0.1:${port}`, process: child });
    }
    for (let i = 0; i < WORKERS; i++) children.push(spawn(process.execPath, [tsxBin, "--conditions=react-server", "lib/sync/worker-cli.ts"], { stdio: "ignore", env: { ...process.env, ...env } }));
    for (const node of nodes) await waitFor(`${node.base}/api/ready`);
    const node1 = nodes[0]!;

    // 1. Throughput, all nodes at once, warm identified visitors (identified on node 1, decided once on each node).
    const warm = Array.from({ length: 100 }, (_, i) => `bench-warm-${i}`);
    for (const [i, visitorId] of warm.entries()) {
      await post(node1, "/api/v1/identify", { siteKey, visitorId, ...signed(`bench${i}@example.com`) });
      for (const node of nodes) await post(node, "/api/v1/decide", { siteKey, visitorId, placements: ["hero", "color"] });
    }
    resetCalls();
    console.log(`▸ autocannon: ${DURATION_S}s × ${CONNECTIONS} connections per route, spread over ${NODES} nodes`);
    const perNode = Math.max(1, Math.round(CONNECTIONS / NODES));
    let n = 0;
    const bodies = warm.map((visitorId) => JSON.stringify({ siteKey, visitorId, placements: ["hero", "color"] }));
    const health = await Promise.all(nodes.map((node) => run({ url: `${node.base}/api/health`, connections: perNode, duration: DURATION_S })));
    const decide = await Promise.all(
      nodes.map((node) =>
        run({
          url: `${node.base}/api/v1/decide`,
          connections: perNode,
          duration: DURATION_S,
          requests: [{ method: "POST", setupRequest: (req) => ({ ...req, headers: { "content-type": "application/json", "x-forwarded-for": nextIp() }, body: bodies[n++ % bodies.length] }) }],
        }),
      ),
    );
    const warmCalls = calls.total;
    const non2xx = [...health, ...decide].reduce((s, r) => s + r.non2xx, 0);
    if (non2xx > 0) throw new Error(`non-2xx responses during throughput: ${non2xx}`);

    // 2. Replays: identified visitors arriving over time, each viewing pages 1 s apart.
    async function replay(label: string, firstContact: number, pick: () => Node) {
      resetCalls();
      const schedule: { at: number; visitor: number; first: boolean }[] = [];
      for (let v = 0; v < VISITORS; v++) for (let k = 0; k < VIEWS_EACH; k++) schedule.push({ at: (v / ARRIVALS) * 1000 + k * 1000, visitor: v, first: k === 0 });
      schedule.sort((a, b) => a.at - b.at);
      const identified = new Map<number, Promise<unknown>>();
      const latencies: number[] = [];
      let fallbacks = 0;
      let errors = 0;
      let cursor = 0;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (cursor < schedule.length) {
            const view = schedule[cursor++]!;
            const wait = started + view.at - Date.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            const visitorId = `bench-${label}-${view.visitor}`;
            const ip = `172.16.${(view.visitor >> 8) & 255}.${view.visitor & 255}`;
            if (view.first) identified.set(view.visitor, post(pick(), "/api/v1/identify", { siteKey, visitorId, ...signed(`bench${firstContact + view.visitor}@example.com`) }, ip));
            await identified.get(view.visitor);
            const t = performance.now();
            const res = await post(pick(), "/api/v1/decide", { siteKey, visitorId, placements: ["hero", "color"] }, ip);
            latencies.push(performance.now() - t);
            if (res.status !== 200) errors += 1;
            else if (res.json.fallback) fallbacks += 1;
          }
        }),
      );
      const reads = [...calls.byRoute.entries()].filter(([route]) => !route.startsWith("PUT"));
      const readCalls = reads.reduce((s, [, c]) => s + c, 0);
      return {
        label,
        seconds: (Date.now() - started) / 1000,
        views: schedule.length,
        perVisitor: readCalls / VISITORS,
        byRoute: [...calls.byRoute.entries()].sort((a, b) => b[1] - a[1]),
        status429: calls.status429,
        fallbacks,
        errors,
        p99: percentile(latencies, 99),
      };
    }
    console.log(`▸ replay: ${VISITORS} visitors × ${VIEWS_EACH} views on node 1, then on random nodes`);
    const oneNode = await replay("one", 100, () => node1);
    const allNodes = await replay("all", 100 + VISITORS, () => nodes[Math.floor(Math.random() * nodes.length)]!);

    // 3. Publish-to-visible: the harness publishes (the same publishDraft an app node's action runs)
    // and polls every node until the new default shows; caches are warm, so only the fan-out explains < 5 s.
    console.log(`▸ ${PUBLISHES} publishes`);
    const { listPersonalizations, savePersonalization } = await import("@/lib/personalizations/personalizations");
    const { publishDraft } = await import("@/lib/publishing/versions");
    const publishLatencies: number[] = [];
    for (let i = 0; i < PUBLISHES; i++) {
      for (const node of nodes) await post(node, "/api/v1/decide", { siteKey, visitorId: "bench-publish", placements: ["hero"] });
      const hero = (await listPersonalizations(actor.workspaceId)).find((p) => p.placementKey === "hero")!;
      const marker = `<h1>Version ${i} ${Date.now()}</h1>`;
      await savePersonalization(actor, { id: hero.id, placementKey: hero.placementKey, name: hero.name, variants: hero.variants, defaultHtml: marker });
      const t0 = performance.now();
      await publishDraft(actor);
      const seen = await Promise.all(
        nodes.map(async (node) => {
          for (;;) {
            const res = await post(node, "/api/v1/decide", { siteKey, visitorId: "bench-publish", placements: ["hero"] });
            if ((res.json.placements as { hero?: { html: string } })?.hero?.html === marker) return performance.now() - t0;
            if (performance.now() - t0 > 10_000) return Infinity;
          }
        }),
      );
      publishLatencies.push(Math.max(...seen));
    }

    // 4. Global rate limit: 2× the limit from one client address, round-robin over the nodes, 8 at a time.
    console.log("▸ global rate limit");
    let admitted = 0;
    let refused = 0;
    let sent = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (sent < 2 * RATE_LIMIT) {
          const node = nodes[sent++ % nodes.length]!;
          const res = await post(node, "/api/v1/decide", { siteKey, visitorId: "bench-limit", placements: [] }, "192.0.2.1");
          if (res.status === 200) admitted += 1;
          else if (res.status === 429) refused += 1;
        }
      }),
    );

    const healthTotal = health.reduce((s, r) => s + r.requests.average, 0);
    const decideTotal = decide.reduce((s, r) => s + r.requests.average, 0);
    const decideP99 = Math.max(...decide.map((r) => r.latency.p99));
    const fmt = (r: Awaited<ReturnType<typeof replay>>) =>
      `| ${r.label === "one" ? "every view on node 1" : `views on random nodes (${NODES})`} | ${r.views.toLocaleString("en")} in ${r.seconds.toFixed(1)} s | **${r.perVisitor.toFixed(2)}** | ${r.byRoute.map(([route, c]) => `${route} ${c}`).join(" · ")} | ${r.status429} | ${r.fallbacks} | ${r.errors} | ${r.p99.toFixed(0)} |`;
    const report = [
      `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${os.cpus().length} cores shared by every process, Node ${process.version}), \`npm run bench:cluster\`:`,
      `${NODES} app nodes (\`server.mjs\` behind a loopback proxy), ${WORKERS} sync workers, one Postgres database, Redis (\`${REDIS_URL.replace(/\/\/[^@]*@/, "//")}\`, key prefix per run), the local Intercom emulator;`,
      `load generated by the harness on the same 2 cores, so absolute figures are low; ratios are measured in the same run.`,
      "",
      "| node | GET /api/health req/s | POST /api/v1/decide req/s (identified, warm) | decide p99 ms |",
      "|---|---|---|---|",
      ...nodes.map((node, i) => `| ${node.base} | ${health[i]!.requests.average.toFixed(0)} | ${decide[i]!.requests.average.toFixed(0)} | ${decide[i]!.latency.p99} |`),
      `| **all nodes** | ${healthTotal.toFixed(0)} | ${decideTotal.toFixed(0)} (**${(decideTotal / healthTotal).toFixed(2)}×** the trivial route) | ${decideP99} |`,
      "",
      `Intercom calls during the warm throughput run: ${warmCalls}.`,
      "",
      `Replay: ${VISITORS} identified visitors per run (${ARRIVALS} new/s, ${VIEWS_EACH} views each 1 s apart, all within one contact-cache TTL); the first view identifies (email search).`,
      "",
      "| replay | page views | Intercom reads per visitor | calls by endpoint (PUT = sync write-back) | 429 | fallbacks | errors | decide p99 ms |",
      "|---|---|---|---|---|---|---|---|",
      fmt(oneNode),
      fmt(allNodes),
      "",
      `- Publish → visible on every node: max **${Math.max(...publishLatencies).toFixed(0)} ms** over ${PUBLISHES} publishes (median ${percentile(publishLatencies, 50).toFixed(0)} ms); the caches' own expiry is 5 s (live version) and 10 s (site).`,
      `- Global rate limit: ${2 * RATE_LIMIT} requests from one site + client address, round-robin over ${NODES} nodes, limit ${RATE_LIMIT}/min: **${admitted} admitted** (${((admitted / RATE_LIMIT) * 100).toFixed(1)} % of the limit), ${refused} × 429.`,
    ].join("\n");
    console.log(`\n${report}\n`);
    writePerformanceSection("Website runtime, several app nodes", report);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await emulator.close();
    await closeDb();
    await cleanRedis();
    await new Promise((r) => setTimeout(r, 1_000));
    await database.drop();
  }
}

// Removes this run's keys only (never FLUSHALL: the Redis may be shared).
async function cleanRedis() {
  const { Redis } = await import("ioredis");
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}


main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
