/**
 * `npm run bench` — the website runtime's speed, measured against baselines in the same run, with
 * the same load generator (autocannon, in this process; each server in its own process):
 *
 * 1. Throughput: a bare node:http JSON handler (bench/bare-node.mjs, the machine's limit), GET
 *    /api/health on the app (the trivial Next route), then POST /api/v1/decide for identified
 *    visitors with a warm contact cache on the standalone runtime server (`npm run runtime`) and
 *    through Next (server.mjs), and the same decisions with `flow: true` (also offer the demo flow).
 *    Ratios: runtime decide / bare (aim ≥ 0.3×, p99 ≤ 3×) and Next decide / trivial route (aim ≥ 0.8×).
 *    Decisions ask for the demo's three placements, one with a 10 % holdout (the assignment is computed).
 *    The events endpoint (POST /api/v1/track with type "impressions", a new visitor's first report
 *    each time: the buffered writing path) on both servers. Impressions on (the target, ≥ 0.7× the
 *    trivial route): Next decisions/s while the server also takes the reports those page views send
 *    (one per VIEWS / VISITORS decisions: the snippet reports once a day per browser), and, as
 *    information, every page view a first view (decide + report).
 * 2. Replay: 20,000 page views by 2,000 identified visitors arriving over time: Intercom API calls
 *    (by endpoint), 429s and decisions that fell back to defaults.
 *
 * Runs the built app (`next build` first if .next is missing, or with --build) and the runtime
 * server on one fresh SQLite database, with the local Intercom emulator at its default limit
 * (1,666 calls per 10 s). Ports: BENCH_PORT (app), +5 (runtime server), +6 (bare node:http), +7 (profiled runtime server).
 * --profile: one more decide run on a second runtime server (port +7) under --cpu-prof (profile
 * in BENCH_PROFILE_DIR, default .bench-profile/); its hottest functions are printed. Writes docs/performance.md ("Website runtime").
 * --loop: the runtime server prints its event-loop delay and GC pauses every 5 s (bench/loop-monitor.mjs).
 * --runtime-only: no Next (no build), no replay, nothing written: the bare handler, the runtime
 * server's /health and its decisions only, for quick before/after checks while profiling.
 * --next-only: likewise for the Next mount (its trivial route, decide, decide with impressions on, the
 * events endpoint); with --profile the profiled server is a second server.mjs (port +7).
 */
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writePerformanceSection } from "./docs-section";
import { formatSummary, summarizeProfile, type CpuProfile } from "./profile-summary";

const args = new Set(process.argv.slice(2));
const runtimeOnly = args.has("--runtime-only");
const nextOnly = args.has("--next-only");
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
// Every measured route first gets this long of the same load, unmeasured: the JIT's tier-up
// (TurboFan compiling on the same 2 cores) and first-use allocations stay out of the figures.
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const VISITORS = Number(process.env.BENCH_VISITORS ?? 2_000);
const VIEWS = Number(process.env.BENCH_VIEWS ?? 20_000);
const base = `http://127.0.0.1:${PORT}`;
// The demo's placements: hero and color (no holdout), cta (10 % holdout, computed per decision).
const PLACEMENTS = ["hero", "color", "cta"];
const RUNTIME_PORT = PORT + 5;
const BARE_PORT = PORT + 6;
const PROFILE_PORT = PORT + 7;
const profileBase = `http://127.0.0.1:${PROFILE_PORT}`;
const runtimeBase = `http://127.0.0.1:${RUNTIME_PORT}`;
const bareBase = `http://127.0.0.1:${BARE_PORT}`;
const profileDir = path.resolve(process.env.BENCH_PROFILE_DIR ?? ".bench-profile");
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

const tmp = mkdtempSync(path.join(os.tmpdir(), "tailor-bench-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(tmp, "bench.db")}`,
  DATA_DIR: tmp,
  AUTH_SECRET: randomBytes(32).toString("base64"),
  TAILOR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  TAILOR_PUBLIC_RATE_LIMIT: "100000000", // the per-client limits would throttle a load test from one IP
  TAILOR_PUBLIC_CLIENT_RATE_LIMIT: "100000000",
  NEXT_TELEMETRY_DISABLED: "1",
});

type Calls = { byRoute: Map<string, number>; status429: number; total: number };

async function post(pathname: string, body: unknown) {
  const res = await fetch(`${runtimeOnly ? runtimeBase : base}${pathname}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function waitForApp(url = `${base}/api/health`) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not start");
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

/** CPU seconds (user + system) a process has used so far (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

type Measured = autocannon.Result & { cpuUs: number | null; clientCpuUs: number };

/**
 * A load run plus the server's CPU time per request: less sensitive than requests/s to other
 * processes on the machine (it counts the server's own work, not the time it waited for a core).
 */
async function measured(pid: number | undefined, load: (duration: number) => Promise<autocannon.Result>): Promise<Measured> {
  if (WARMUP_S > 0) await load(WARMUP_S);
  const before = cpuSeconds(pid);
  const clientBefore = process.cpuUsage();
  const result = await load(DURATION_S);
  const client = process.cpuUsage(clientBefore);
  const after = cpuSeconds(pid);
  const cpuUs = before === null || after === null || result.requests.total === 0 ? null : ((after - before) * 1e6) / result.requests.total;
  // The load generator's own CPU (this process): near 1 s per second of run means it, not the server, set the pace.
  const clientCpuUs = (client.user + client.system) / Math.max(result.requests.total, 1);
  return Object.assign(result, { cpuUs, clientCpuUs });
}

const cpuText = (r: Measured) => (r.cpuUs === null ? "n/a" : r.cpuUs.toFixed(0));

async function main() {
  if (!runtimeOnly && (args.has("--build") || !existsSync(".next/BUILD_ID"))) {
    console.log("▸ next build");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(1);
  }

  const calls: Calls = { byRoute: new Map(), status429: 0, total: 0 };
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
  for (const region of ["US", "EU", "AU"] as const) process.env[`INTERCOM_BASE_URL_${region}`] = emulator.baseUrls[region];

  // Contacts for the visitors: every other one is a VIP, all have a favorite color.
  const vipTag = emulator.state.workspace("US").tags.find((t) => t.name.toLowerCase() === "vip")!;
  for (let i = 0; i < VISITORS; i++) {
    emulator.state.addContact(
      "US",
      { email: `bench${i}@example.com`, name: `Bench ${i}`, custom_attributes: { favorite_color: i % 3 ? "teal" : "red" }, tag_ids: i % 2 ? [vipTag.id] : [] },
      0,
    );
  }

  console.log("▸ migrate + seed");
  const { migrateDatabase } = await import("@/db/migrate-db");
  const { seedDemo } = await import("@/db/seed");
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { closeDb } = await import("@/db/client");
  await migrateDatabase();
  await seedDemo();
  const { siteKey } = await seedDemoWebsite("acme", emulator.tokens.US.full);
  const { seedDemoFlow } = await import("@/lib/dev/seed-flow");
  await seedDemoFlow("acme");
  // Identity verification is on (Required, the default): visitors identify with a hash signed here, as a customer's server would.
  const { getDb, tables } = await import("@/db/client");
  const { ensureIdentitySecret } = await import("@/lib/identity/settings");
  const { computeUserHash } = await import("@/lib/identity/hash");
  const [acme] = await getDb().select({ id: tables.workspaces.id }).from(tables.workspaces).where(eq(tables.workspaces.slug, "acme"));
  const identitySecret = await ensureIdentitySecret(acme!.id);
  const signed = (email: string) => ({ email, userHash: computeUserHash(identitySecret, email) });
  await closeDb();

  console.log(`▸ server.mjs (next) on ${base}, runtime server on ${runtimeBase}, bare node:http on ${bareBase}`);
  const app = runtimeOnly ? null : spawn(process.execPath, ["server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  const startRuntime = (port: number, profile: string[] = []) =>
    spawn(process.execPath, [...profile, ...(args.has("--loop") ? ["--import", "./bench/loop-monitor.mjs"] : []), "--conditions=react-server", "--import", "tsx", "lib/runtime-server/cli.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", TAILOR_RUNTIME_PORT: String(port), TAILOR_RUNTIME_HOST: "127.0.0.1" },
    });
  const runtime = startRuntime(RUNTIME_PORT);
  const bare = spawn(process.execPath, ["bench/bare-node.mjs", String(BARE_PORT)], { stdio: "ignore" });
  try {
    await Promise.all([runtimeOnly ? null : waitForApp(), waitForApp(`${runtimeBase}/health`), waitForApp(bareBase)]);

    // 1. Throughput with a warm cache: 100 identified visitors, each decided once before measuring.
    const warm = Array.from({ length: 100 }, (_, i) => `bench-warm-${i.toString().padStart(4, "0")}`);
    for (const [i, visitorId] of warm.entries()) {
      await post("/api/v1/identify", { siteKey, visitorId, ...signed(`bench${i}@example.com`) });
      await post("/api/v1/decide", { siteKey, visitorId, placements: PLACEMENTS });
    }
    const bodies = warm.map((visitorId) => JSON.stringify({ siteKey, visitorId, placements: PLACEMENTS }));
    const flowBodies = warm.map((visitorId) => JSON.stringify({ siteKey, visitorId, placements: PLACEMENTS, flow: true }));
    // Impressions as the snippet reports them after applying a decision: a new visitor's first report of
    // the day (the writing path; repeats of a day cost nothing), the three placements' arms, cta's 10 %
    // holdout computed as the server recomputes it.
    const { isInHoldout } = await import("@/lib/analytics/holdout");
    let impressionN = 0;
    const impressionBody = () => {
      const visitorId = `bench-imp-${process.pid}-${impressionN++}`;
      const cta = isInHoldout(acme!.id, "cta", visitorId, 10) ? "holdout" : "default";
      const impressions = [
        { placement: "hero", arm: "default" },
        { placement: "color", arm: "default" },
        { placement: "cta", arm: cta },
      ];
      return JSON.stringify({ siteKey, visitorId, type: "impressions", id: `bench-report-${impressionN}`, impressions });
    };
    const eventsRun = (origin: string, duration = DURATION_S) =>
      run({
        url: `${origin}/api/v1/track`,
        connections: CONNECTIONS,
        duration,
        requests: [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (req) => ({ ...req, body: impressionBody() }) }],
      });
    // Decisions with impressions on: every page view decides; the snippet reports each placement's arm
    // once a day per browser, so a visitor's first view of the day is followed by a report and the next
    // ones are not. With the replay's VIEWS / VISITORS views per visitor, each connection sends that many
    // decides, then one report. `reportEvery` 1 is every page view a first view (decide + report).
    // Decide steps are prebuilt (see decideRun); each report is a new visitor's, built per request.
    const decideSteps = (count: number) =>
      Array.from({ length: count }, (_, k) => ({ method: "POST" as const, path: "/api/v1/decide", headers: { "content-type": "application/json" }, body: bodies[k % bodies.length] }));
    const reportStep = { method: "POST" as const, path: "/api/v1/track", headers: { "content-type": "application/json" }, setupRequest: (req: autocannon.Request) => ({ ...req, body: impressionBody() }) };
    const viewsPerReport = Math.max(1, Math.round(VIEWS / VISITORS));
    const withImpressionsRun = (origin: string, reportEvery: number, duration = DURATION_S) =>
      run({ url: origin, connections: CONNECTIONS, duration, requests: [...decideSteps(reportEvery), reportStep] });
    /** Decisions per second and server CPU per decision of a mixed run (`reportEvery` decides per report). */
    const perDecision = (r: Measured, reportEvery: number) => {
      const share = reportEvery / (reportEvery + 1);
      return { perSecond: r.requests.average * share, cpuUs: r.cpuUs === null ? null : r.cpuUs / share };
    };
    // One prebuilt request per warm visitor, cycled by every connection: autocannon serializes a
    // request built by setupRequest anew each time (~20 µs of the generator's CPU per request, on
    // the same 2 cores), while the bare handler's and /health's GETs are built once. Prebuilt, the
    // generator does the same per-request work for every route it compares.
    const decideRun = (origin: string, list: string[], duration = DURATION_S) =>
      run({
        url: `${origin}/api/v1/decide`,
        connections: CONNECTIONS,
        duration,
        requests: list.map((body) => ({ method: "POST", headers: { "content-type": "application/json" }, body })),
      });
    // Warm the runtime server's caches (site, live version, visitor segments) as the app's were above.
    for (const body of bodies) await fetch(`${runtimeBase}/api/v1/decide`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const profileDecide = async () => {
      // A second runtime server (with --next-only: a second server.mjs) under the profiler, for one more
      // decide run only: the profile's window is that run (printed at the end), not the other routes' load.
      const profileFlags = ["--cpu-prof", `--cpu-prof-dir=${profileDir}`];
      const profiled = nextOnly
        ? spawn(process.execPath, [...profileFlags, "server.mjs", "-p", String(PROFILE_PORT), "-H", "127.0.0.1"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } })
        : startRuntime(PROFILE_PORT, profileFlags);
      const exited = new Promise((resolve) => profiled.once("exit", resolve));
      try {
        await waitForApp(nextOnly ? `${profileBase}/api/health` : `${profileBase}/health`);
        for (const body of bodies) await fetch(`${profileBase}/api/v1/decide`, { method: "POST", headers: { "content-type": "application/json" }, body });
        if (WARMUP_S > 0) await decideRun(profileBase, bodies, WARMUP_S);
        const profiledRun = await decideRun(profileBase, bodies);
        console.log(`▸ under the profiler: ${nextOnly ? "Next" : "runtime"} decide ${profiledRun.requests.average.toFixed(0)} requests/s`);
      } finally {
        profiled.kill("SIGTERM");
        await exited;
      }
    };
    const callsBefore = calls.total;
    const loadAtStart = os.loadavg();
    console.log(`▸ autocannon: ${DURATION_S}s × ${CONNECTIONS} connections per route (after ${WARMUP_S}s unmeasured)`);
    const bareRun = await measured(bare.pid, (duration) => run({ url: `${bareBase}/`, connections: CONNECTIONS, duration }));
    const health = runtimeOnly ? bareRun : await measured(app?.pid, (duration) => run({ url: `${base}/api/health`, connections: CONNECTIONS, duration }));
    if (nextOnly) {
      // Quick before/after checks of the Next mount: the trivial route, decide, decide with impressions on, the events endpoint.
      const nextDecide = await measured(app?.pid, (duration) => decideRun(base, bodies, duration));
      const impressionsOn = await measured(app?.pid, (duration) => withImpressionsRun(base, viewsPerReport, duration));
      const events = await measured(app?.pid, (duration) => eventsRun(base, duration));
      if (args.has("--profile")) await profileDecide();
      const on = perDecision(impressionsOn, viewsPerReport);
      const line = (name: string, perSecond: number, cpuUs: number | null) =>
        `${name.padEnd(34)} ${perSecond.toFixed(0).padStart(6)} /s  server CPU ${cpuUs === null ? "n/a" : cpuUs.toFixed(0)} µs each  (${(perSecond / health.requests.average).toFixed(2)}× trivial)`;
      console.log(
        [
          `\nload average at start ${loadAtStart.map((l) => l.toFixed(1)).join(" / ")}`,
          line("Next /api/health", health.requests.average, health.cpuUs),
          line("Next decide", nextDecide.requests.average, nextDecide.cpuUs),
          line(`Next decide, impressions on (1:${viewsPerReport})`, on.perSecond, on.cpuUs),
          line("Next events endpoint", events.requests.average, events.cpuUs),
        ].join("\n"),
      );
      if ([nextDecide, impressionsOn, events].some((r) => r.non2xx > 0 || r.errors > 0)) throw new Error("failed requests in the Next runs");
      return;
    }
    const runtimeHealth = await measured(runtime.pid, (duration) => run({ url: `${runtimeBase}/health`, connections: CONNECTIONS, duration }));
    const standalone = await measured(runtime.pid, (duration) => decideRun(runtimeBase, bodies, duration));
    const standaloneFlow = await measured(runtime.pid, (duration) => decideRun(runtimeBase, flowBodies, duration));
    const standaloneEvents = runtimeOnly ? null : await measured(runtime.pid, (duration) => eventsRun(runtimeBase, duration));
    if (args.has("--profile")) await profileDecide();
    if (runtimeOnly) {
      const line = (name: string, r: Measured) =>
        `${name.padEnd(22)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  server CPU ${cpuText(r)} µs/request  load generator ${r.clientCpuUs.toFixed(0)} µs/request  (${(r.requests.average / bareRun.requests.average).toFixed(2)}× bare)`;
      const failed = [standalone, standaloneFlow].filter((r) => r.non2xx > 0 || r.errors > 0);
      console.log(["", line("bare node:http", bareRun), line("runtime /health", runtimeHealth), line("runtime decide", standalone), line("runtime decide + flow", standaloneFlow)].join("\n"));
      if (failed.length > 0) throw new Error("failed requests in the runtime runs");
      return;
    }
    const decide = await measured(app?.pid, (duration) => decideRun(base, bodies, duration));
    const decideFlow = await measured(app?.pid, (duration) => decideRun(base, flowBodies, duration));
    const nextEvents = await measured(app?.pid, (duration) => eventsRun(base, duration));
    const decideImpressionsOn = await measured(app?.pid, (duration) => withImpressionsRun(base, viewsPerReport, duration));
    const pagesWithImpressions = await measured(app?.pid, (duration) => withImpressionsRun(base, 1, duration));
    const warmCalls = calls.total - callsBefore;
    const runs = { bare: bareRun, health, runtimeHealth, standalone, standaloneFlow, decide, decideFlow, standaloneEvents: standaloneEvents!, nextEvents, decideImpressionsOn, pagesWithImpressions };
    const failed = Object.entries(runs).filter(([, r]) => r.non2xx > 0 || r.errors > 0 || r.requests.total === 0);
    if (failed.length > 0) throw new Error(`failed requests: ${failed.map(([name, r]) => `${name} ${r.non2xx} non-2xx, ${r.errors} errors`).join("; ")}`);

    // 2. Replay: VISITORS identified visitors arrive over time (ARRIVALS per second, as real traffic
    // spreads out), each viewing VIEWS / VISITORS pages VIEW_GAP_MS apart; a first view identifies.
    console.log(`▸ replay: ${VIEWS} page views by ${VISITORS} visitors`);
    calls.byRoute.clear();
    calls.total = 0;
    calls.status429 = 0;
    const arrivalsPerSecond = Number(process.env.BENCH_ARRIVALS ?? 40);
    const viewGapMs = Number(process.env.BENCH_VIEW_GAP_MS ?? 2_000);
    const viewsEach = Math.max(1, Math.round(VIEWS / VISITORS));
    const schedule: { at: number; visitor: number; first: boolean }[] = [];
    for (let v = 0; v < VISITORS; v++) {
      for (let k = 0; k < viewsEach; k++) schedule.push({ at: (v / arrivalsPerSecond) * 1000 + k * viewGapMs, visitor: v, first: k === 0 });
    }
    schedule.sort((a, b) => a.at - b.at);
    let fallbacks = 0;
    const started = Date.now();
    const identified = new Map<number, Promise<unknown>>();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (cursor < schedule.length) {
          const view = schedule[cursor++]!;
          const wait = started + view.at - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const visitorId = `bench-replay-${view.visitor.toString().padStart(5, "0")}`;
          if (view.first) identified.set(view.visitor, post("/api/v1/identify", { siteKey, visitorId, ...signed(`bench${view.visitor}@example.com`) }));
          await identified.get(view.visitor);
          const decision = await post("/api/v1/decide", { siteKey, visitorId, placements: PLACEMENTS });
          if (decision.fallback) fallbacks += 1;
        }
      }),
    );
    const replaySeconds = (Date.now() - started) / 1000;

    const ratio = decide.requests.average / health.requests.average;
    const p99Ratio = decide.latency.p99 / Math.max(health.latency.p99, 1);
    const flowRatio = decideFlow.requests.average / health.requests.average;
    const standaloneRatio = standalone.requests.average / bareRun.requests.average;
    const standaloneP99Ratio = standalone.latency.p99 / Math.max(bareRun.latency.p99, 1);
    const standaloneFlowRatio = standaloneFlow.requests.average / bareRun.requests.average;
    const standaloneVsNext = standalone.requests.average / decide.requests.average;
    // The target: decisions/s with impressions on (the reports' work included, counted per decision) over the trivial route.
    const impressionsOn = perDecision(decideImpressionsOn, viewsPerReport);
    const impressionsOnRatio = impressionsOn.perSecond / health.requests.average;
    // Information: every page view a first view of the day (two Next requests per page view).
    const everyView = perDecision(pagesWithImpressions, 1);
    const everyViewRatio = everyView.perSecond / health.requests.average;
    const cpuOf = (us: number | null) => (us === null ? "n/a" : us.toFixed(0));
    const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
    const byRoute = [...calls.byRoute.entries()].sort((a, b) => b[1] - a[1]);
    const contactReads = calls.byRoute.get("GET /contacts/{contact_id}") ?? 0;
    const report = [
      `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${os.cpus().length} cores, Node ${process.version}), \`npm run bench\`,`,
      `the built app (\`server.mjs\`) and the standalone runtime server (\`npm run runtime\`) on one embedded SQLite database, local Intercom emulator;`,
      `autocannon in the bench process, ${CONNECTIONS} connections, ${DURATION_S} s per route after ${WARMUP_S} s of the same load unmeasured, each server in its own process;`,
      "identity verification Required, every visitor identified with a server-signed hash. Compare ratios (measured in the same run), not absolute numbers.",
      `Load average when the runs started: ${loadAtStart.map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min)${loadAtStart[0]! > os.cpus().length * 0.5 ? ": **the machine was busy with other work**, so absolute numbers and even ratios are pessimistic; re-run on a quiet machine" : ""}.`,
      "",
      "| server | route | requests/s (mean) | p50 ms | p99 ms | server CPU µs per request | load generator CPU µs per request |",
      "|---|---|---|---|---|---|---|",
      `| bare node:http (machine's limit) | GET / (JSON, no I/O) | ${bareRun.requests.average.toFixed(0)} | ${bareRun.latency.p50} | ${bareRun.latency.p99} | ${cpuText(bareRun)} | ${bareRun.clientCpuUs.toFixed(0)} |`,
      `| Next (server.mjs) | GET /api/health (trivial route) | ${health.requests.average.toFixed(0)} | ${health.latency.p50} | ${health.latency.p99} | ${cpuText(health)} | ${health.clientCpuUs.toFixed(0)} |`,
      `| runtime server | GET /health (the framework's floor: hono + adapter, no I/O) | ${runtimeHealth.requests.average.toFixed(0)} | ${runtimeHealth.latency.p50} | ${runtimeHealth.latency.p99} | ${cpuText(runtimeHealth)} | ${runtimeHealth.clientCpuUs.toFixed(0)} |`,
      `| runtime server | POST /api/v1/decide (identified, warm cache) | ${standalone.requests.average.toFixed(0)} | ${standalone.latency.p50} | ${standalone.latency.p99} | ${cpuText(standalone)} | ${standalone.clientCpuUs.toFixed(0)} |`,
      `| runtime server | POST /api/v1/decide with flow: true | ${standaloneFlow.requests.average.toFixed(0)} | ${standaloneFlow.latency.p50} | ${standaloneFlow.latency.p99} | ${cpuText(standaloneFlow)} | ${standaloneFlow.clientCpuUs.toFixed(0)} |`,
      `| Next (server.mjs) | POST /api/v1/decide (identified, warm cache) | ${decide.requests.average.toFixed(0)} | ${decide.latency.p50} | ${decide.latency.p99} | ${cpuText(decide)} | ${decide.clientCpuUs.toFixed(0)} |`,
      `| Next (server.mjs) | POST /api/v1/decide with flow: true | ${decideFlow.requests.average.toFixed(0)} | ${decideFlow.latency.p50} | ${decideFlow.latency.p99} | ${cpuText(decideFlow)} | ${decideFlow.clientCpuUs.toFixed(0)} |`,
      `| runtime server | POST /api/v1/track impressions (events endpoint, a new visitor's three impressions each) | ${standaloneEvents!.requests.average.toFixed(0)} | ${standaloneEvents!.latency.p50} | ${standaloneEvents!.latency.p99} | ${cpuText(standaloneEvents!)} | ${standaloneEvents!.clientCpuUs.toFixed(0)} |`,
      `| Next (server.mjs) | POST /api/v1/track impressions (events endpoint, a new visitor's three impressions each) | ${nextEvents.requests.average.toFixed(0)} | ${nextEvents.latency.p50} | ${nextEvents.latency.p99} | ${cpuText(nextEvents)} | ${nextEvents.clientCpuUs.toFixed(0)} |`,
      `| Next (server.mjs) | decide with impressions on (**the target**): ${viewsPerReport} decides, then one impressions report of a new visitor; decisions/s and CPU per decision (the reports' work included) | ${impressionsOn.perSecond.toFixed(0)} decisions/s | ${decideImpressionsOn.latency.p50} | ${decideImpressionsOn.latency.p99} | ${cpuOf(impressionsOn.cpuUs)} | ${decideImpressionsOn.clientCpuUs.toFixed(0)} |`,
      `| Next (server.mjs) | every page view a first view: decide + its impressions report (information) | ${everyView.perSecond.toFixed(0)} page views/s | ${pagesWithImpressions.latency.p50} | ${pagesWithImpressions.latency.p99} | ${cpuOf(everyView.cpuUs)} | ${pagesWithImpressions.clientCpuUs.toFixed(0)} |`,
      "",
      `- Runtime server decide / bare node:http: **${standaloneRatio.toFixed(2)}×** requests/s (aim ≥ 0.3×: ${verdict(standaloneRatio >= 0.3)}); ` +
        `p99 **${standaloneP99Ratio.toFixed(2)}×** (aim ≤ 3×: ${verdict(standaloneP99Ratio <= 3)}); with a flow offered **${standaloneFlowRatio.toFixed(2)}×**.`,
      `- Server CPU per request (user + system, /proc): runtime decide ${cpuText(standalone)} µs, bare node:http ${cpuText(bareRun)} µs, hono's /health ${cpuText(runtimeHealth)} µs` +
        (standalone.cpuUs && bareRun.cpuUs ? `: a decision costs **${(standalone.cpuUs / bareRun.cpuUs).toFixed(1)}×** the bare handler's CPU (less sensitive to other load than requests/s).` : "."),
      `- Load generator (autocannon in the bench process) CPU per request: ${bareRun.clientCpuUs.toFixed(0)} µs for bare, ${standalone.clientCpuUs.toFixed(0)} µs for runtime decide; ` +
        `during the bare run it used ${((bareRun.clientCpuUs * bareRun.requests.average) / 1e6).toFixed(2)} of a core and the bare server ${bareRun.cpuUs === null ? "n/a" : ((bareRun.cpuUs * bareRun.requests.average) / 1e6).toFixed(2)} ` +
        `(near 1.0 would mean that process, not the server, set bare's pace).`,
      `- Next decide / trivial Next route: **${ratio.toFixed(2)}×** requests/s (aim ≥ 0.8×: ${verdict(ratio >= 0.8)}); p99 **${p99Ratio.toFixed(2)}×**; with a flow offered **${flowRatio.toFixed(2)}×**.`,
      `- Runtime server / Next, same decisions: **${standaloneVsNext.toFixed(1)}×** the requests/s.`,
      `- **With impressions on** (every page view decides; the snippet reports each placement's arm once a day per browser, so with the replay's ${viewsPerReport} views per visitor ` +
        `one report per ${viewsPerReport} decisions, each a new visitor's first: the buffered writing path): **${impressionsOnRatio.toFixed(2)}×** the trivial route in decisions/s ` +
        `(aim ≥ 0.7×: ${verdict(impressionsOnRatio >= 0.7)}), ${cpuOf(impressionsOn.cpuUs)} µs of server CPU per decision against ${cpuText(decide)} µs without reports. ` +
        `If every page view were a visitor's first of the day (decide + report, two Next requests each): ${everyView.perSecond.toFixed(0)} page views/s, ${everyViewRatio.toFixed(2)}× the trivial route (information).`,
      `- Events endpoint (POST /api/v1/track, impressions of a new visitor each: accepted in the request, written by the per-process buffer once a second): ` +
        `${standaloneEvents!.requests.average.toFixed(0)} requests/s (${cpuText(standaloneEvents!)} µs CPU) on the runtime server, ${nextEvents.requests.average.toFixed(0)} requests/s (${cpuText(nextEvents)} µs) through Next, ` +
        `${(nextEvents.requests.average / health.requests.average).toFixed(2)}× the trivial route.`,
      `- Intercom calls during the warm-cache run: ${warmCalls}.`,
      `- Replay: ${schedule.length.toLocaleString("en")} page views by ${VISITORS.toLocaleString("en")} identified visitors (${arrivalsPerSecond} new visitors/s, ` +
        `${viewsEach} views each ${viewGapMs / 1000} s apart) in ${replaySeconds.toFixed(1)} s: ` +
        `${calls.total.toLocaleString("en")} Intercom calls (${(calls.total / VISITORS).toFixed(2)} per visitor; contact reads ${(contactReads / VISITORS).toFixed(2)} per visitor per TTL), ` +
        `${calls.status429} × 429, ${fallbacks} decisions fell back to defaults.`,
      `- Calls by endpoint: ${byRoute.map(([route, n]) => `${route} ${n}`).join(" · ")}.`,
    ].join("\n");
    console.log(`\n${report}\n`);
    writePerformanceSection("Website runtime", report);
  } finally {
    app?.kill("SIGTERM");
    bare.kill("SIGTERM");
    const runtimeExited = new Promise((resolve) => runtime.once("exit", resolve));
    runtime.kill("SIGTERM");
    await runtimeExited;
    await emulator.close();
    if (args.has("--profile")) printProfile();
  }
}

/** The hottest functions (self and inclusive time) of the newest CPU profile the runtime server wrote. */
function printProfile() {
  const files = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(profileDir, f));
  // The newest run's main thread: tsx's loader thread writes a small profile of its own.
  const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs).slice(0, 3).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!newest) return console.log("no CPU profile was written");
  const profile = JSON.parse(readFileSync(newest, "utf8")) as CpuProfile;
  // The last DURATION_S seconds: the measured run (the server exits right after it), not its start-up.
  const summary = summarizeProfile(profile, { top: 40, lastSeconds: DURATION_S });
  console.log(`\n▸ CPU profile ${newest}, last ${DURATION_S} s (npx tsx bench/profile-summary.ts FILE for more)\n${formatSummary(summary)}`);
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
