/**
 * `npx tsx --conditions=react-server bench/handler.ts [--flow]`: the CPU one warm, identified
 * decision costs in Tailor's own code (the shared public-API handler: site, origin, both rate
 * limiters, zod, decide, JSON), called in-process without HTTP, as µs of this process's CPU per
 * call. Less sensitive to other load on the machine than `npm run bench`'s requests/s, so it is the
 * figure to compare before and after a change to the handler (docs/performance.md).
 * Same set-up as bench/decide.ts: a fresh SQLite database, the local emulator, 100 visitors
 * identified with a signed hash. BENCH_CALLS (default 20,000) per round, 3 rounds (the first warms the JIT).
 * --alloc: also samples what the last round allocates (V8's sampling heap profiler, including
 * objects the GC already collected) and prints bytes per decision by function: allocation is what
 * the young-generation collections (GC pauses, a p99 cost under load) are paid for.
 */
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const tmp = mkdtempSync(path.join(os.tmpdir(), "tailor-bench-handler-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(tmp, "bench.db")}`,
  DATA_DIR: tmp,
  AUTH_SECRET: randomBytes(32).toString("base64"),
  TAILOR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  TAILOR_PUBLIC_RATE_LIMIT: "100000000",
  TAILOR_PUBLIC_CLIENT_RATE_LIMIT: "100000000",
  TAILOR_PEER_STAMP: randomBytes(16).toString("hex"),
});
const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const offerFlow = process.argv.includes("--flow");
const sampleAllocations = process.argv.includes("--alloc");

type SamplingNode = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: SamplingNode[] };

/** Starts V8's sampling heap profiler (collected objects included); the returned stop() gives bytes by function. */
async function startAllocationSampling() {
  const { Session } = await import("node:inspector");
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))));
  await post("HeapProfiler.startSampling", { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => {
    const { profile } = await post<{ profile: { head: SamplingNode } }>("HeapProfiler.stopSampling");
    session.disconnect();
    const bySite = new Map<string, number>();
    let total = 0;
    const name = (node: SamplingNode) => {
      const { functionName, url } = node.callFrame;
      return `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|lib|db)\//, "$1/")}`;
    };
    // Each site is a function and its caller: allocations in tiny helpers are told apart by who called them.
    const walk = (node: SamplingNode, caller: string) => {
      const site = `${name(node)} ← ${caller}`;
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
      for (const child of node.children) walk(child, name(node).split(" ")[0]!);
    };
    walk(profile.head, "");
    return { total, bySite: [...bySite.entries()].sort((a, b) => b[1] - a[1]) };
  };
}

async function main() {
  const { startIntercomEmulator } = await import("@/emulator/server");
  const emulator = await startIntercomEmulator({ port: 0 });
  for (const region of ["US", "EU", "AU"] as const) process.env[`INTERCOM_BASE_URL_${region}`] = emulator.baseUrls[region];
  const vip = emulator.state.workspace("US").tags.find((t) => t.name.toLowerCase() === "vip")!;
  for (let i = 0; i < 100; i++) {
    emulator.state.addContact("US", { email: `bench${i}@example.com`, name: `Bench ${i}`, custom_attributes: { favorite_color: i % 3 ? "teal" : "red" }, tag_ids: i % 2 ? [vip.id] : [] }, 0);
  }
  const { migrateDatabase } = await import("@/db/migrate-db");
  const { seedDemo } = await import("@/db/seed");
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { seedDemoFlow } = await import("@/lib/dev/seed-flow");
  await migrateDatabase();
  await seedDemo();
  const { siteKey } = await seedDemoWebsite("acme", emulator.tokens.US.full);
  await seedDemoFlow("acme");
  const { getDb, tables } = await import("@/db/client");
  const { ensureIdentitySecret } = await import("@/lib/identity/settings");
  const { computeUserHash } = await import("@/lib/identity/hash");
  const [acme] = await getDb().select({ id: tables.workspaces.id }).from(tables.workspaces).where(eq(tables.workspaces.slug, "acme"));
  const secret = await ensureIdentitySecret(acme!.id);
  // As the runtime server runs: settled settings, hono's Response in place of the global one.
  const { settleEnv } = await import("@/lib/env");
  settleEnv();
  const { getRequestListener } = await import("@hono/node-server");
  getRequestListener(() => new Response(null));
  const { publicApi } = await import("@/lib/public-api/endpoints");

  const stampedPeer = `${process.env.TAILOR_PEER_STAMP} 127.0.0.1`;
  const call = (name: "identify" | "decide", body: object) => {
    const text = JSON.stringify(body);
    const headers = new Headers({ "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), "x-tailor-peer": stampedPeer, host: "127.0.0.1" });
    const request = { headers, url: `http://127.0.0.1/api/v1/${name}`, method: "POST", text: async () => text } as unknown as Request;
    return publicApi[name].POST(request);
  };
  const visitors = Array.from({ length: 100 }, (_, i) => `bench-warm-${i.toString().padStart(4, "0")}`);
  for (const [i, visitorId] of visitors.entries()) {
    const email = `bench${i}@example.com`;
    const res = await call("identify", { siteKey, visitorId, email, userHash: computeUserHash(secret, email) });
    if (res.status !== 200) throw new Error(`identify: ${res.status} ${await res.text()}`);
  }
  console.log(`▸ ${CALLS} warm decisions per round${offerFlow ? " (flow: true)" : ""}, in-process, no HTTP`);
  for (let round = 1; round <= 3; round++) {
    const stopSampling = sampleAllocations && round === 3 ? await startAllocationSampling() : null;
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) {
      const res = await call("decide", { siteKey, visitorId: visitors[i % visitors.length], placements: ["hero", "color"], ...(offerFlow ? { flow: true } : {}) });
      if (res.status !== 200) throw new Error(`decide: ${res.status} ${await res.text()}`);
    }
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - started;
    console.log(`round ${round}: ${((used.user + used.system) / CALLS).toFixed(1)} µs CPU per decision (${((wall * 1000) / CALLS).toFixed(1)} µs wall)`);
    if (stopSampling) {
      const { total, bySite } = await stopSampling();
      console.log(`allocated ≈ ${(total / CALLS / 1024).toFixed(1)} kB per decision (sampled; the timing of this round includes the sampler); by function:`);
      for (const [site, bytes] of bySite.slice(0, 40)) console.log(`${(bytes / CALLS).toFixed(0).padStart(7)} B  ${site}`);
    }
  }
  await emulator.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
