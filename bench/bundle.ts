/**
 * `npm run bench:bundle`: the JavaScript each dashboard page loads, measured in Chromium as the demo
 * admin (members pages, the owner's alone, as the demo owner). Starts the built app with the emulator on a fresh SQLite
 * database (`npm run demo -- --skip-build --reset`), signs in, then opens each route in a fresh
 * browser context (empty cache) and sums the gzipped size of every script the page loads until the
 * network is idle: what a first visit costs. Writes docs/performance.md ("Dashboard JavaScript").
 * Flags: --build (run `next build` first; also done when .next is missing), --no-write (print only),
 * --scripts (also list each route's scripts by size, and the ones every route loads: the shell),
 * --only=/a,/b (measure only the routes whose path starts with one of these; implies --no-write).
 * Env: BENCH_PORT (default 5510; the emulator takes BENCH_PORT + 1000), BENCH_BUNDLE_LIMIT_KB (150),
 * CHROMIUM_PATH (default /usr/bin/chromium). Exits 1 when a route is over the limit.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { DEMO_PASSWORD } from "@/db/demo-credentials";
import { writePerformanceSection } from "./docs-section";

const args = new Set(process.argv.slice(2).filter((arg) => !arg.startsWith("--only=")));
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length).split(",");
if (only) args.add("--no-write");
const PORT = Number(process.env.BENCH_PORT ?? 5510);
const EMULATOR_PORT = PORT + 1000;
const LIMIT_KB = Number(process.env.BENCH_BUNDLE_LIMIT_KB ?? 150);
const users = { admin: "admin@acme.test", owner: "owner@acme.test" } as const;
const origin = `http://127.0.0.1:${PORT}`;
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

/**
 * Every dashboard page; `{…}` is filled from the first matching link on the page named after it.
 * Members pages are the owner's alone (members:manage), so they are measured as the demo owner.
 */
const routes: { path: string; from?: string; link?: RegExp; as?: "owner" }[] = [
  { path: "/overview" },
  { path: "/segments" },
  { path: "/personalizations" },
  { path: "/personalizations/new" },
  { path: "/personalizations/{id}", from: "/personalizations", link: /^\/personalizations\/(?!new$|versions$|goals$|requests$)[^/]+$/ },
  { path: "/personalizations/{id}/results", from: "/personalizations", link: /^\/personalizations\/(?!new$|versions$|goals$|requests$)[^/]+$/ },
  { path: "/personalizations/versions" },
  { path: "/personalizations/goals" },
  { path: "/personalizations/requests" },
  { path: "/flows" },
  { path: "/flows/new" },
  { path: "/flows/{id}", from: "/flows", link: /^\/flows\/(?!new$)[^/]+$/ },
  { path: "/flows/{id}/analytics", from: "/flows", link: /^\/flows\/(?!new$)[^/]+$/ },
  { path: "/integrations" },
  { path: "/integrations/intercom" },
  { path: "/integrations/intercom/mapping" },
  { path: "/integrations/intercom/events" },
  { path: "/integrations/intercom/sync-log" },
  { path: "/debug" },
  { path: "/notifications" },
  { path: "/settings/website" },
  { path: "/settings/members", as: "owner" },
  { path: "/settings/members/{id}", from: "/settings/members", link: /^\/settings\/members\/[^/]+$/, as: "owner" },
];

const launchArgs = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

async function waitForHttp(url: string, exited: () => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("the demo exited before the app answered");
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer at ${url} within ${timeoutMs / 1000}s`);
}

async function signIn(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/overview$/);
  const state = await context.storageState();
  await context.close();
  return state;
}

type Measure = { kb: number; files: number; scripts: Map<string, number>; interactedKb: number; islands: number };

/** Opens `url` in a fresh context and sums the gzipped bytes of each distinct script it loaded. */
async function measure(browser: Browser, state: Awaited<ReturnType<BrowserContext["storageState"]>>, url: string): Promise<Measure> {
  const context = await browser.newContext({ baseURL: origin, storageState: state, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer | null>>();
  page.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() !== "script" || bodies.has(request.url())) return;
    bodies.set(request.url(), response.body().catch(() => null));
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response || response.status() !== 200 || new URL(page.url()).pathname !== url) {
    throw new Error(`${url} answered ${response?.status()} at ${page.url()}`);
  }
  const scripts = await gzippedSizes(bodies);
  const bytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  // Then what a first interaction adds: a pointer over every interaction island on the page loads them all.
  // Each island listens once React has hydrated it (its element carries React's props): wait for that first.
  await page.waitForFunction(
    () => [...document.querySelectorAll("[data-island]")].every((root) => Object.keys(root).some((key) => key.startsWith("__reactProps"))),
    undefined,
    { timeout: 15_000 },
  );
  const islands = await page.locator("[data-island]").evaluateAll((roots) => {
    for (const root of roots) root.dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
    return roots.length;
  });
  if (islands > 0) await page.waitForTimeout(500).then(() => page.waitForLoadState("networkidle"));
  const after = await gzippedSizes(bodies);
  await context.close();
  const interacted = [...after.values()].reduce((sum, size) => sum + size, 0);
  return { kb: bytes / 1000, files: scripts.size, scripts, interactedKb: interacted / 1000, islands };
}

async function gzippedSizes(bodies: Map<string, Promise<Buffer | null>>): Promise<Map<string, number>> {
  const scripts = new Map<string, number>();
  for (const [script, body] of bodies) {
    const buffer = await body;
    scripts.set(new URL(script).pathname, buffer?.length ? gzipSync(buffer).length : 0);
  }
  return scripts;
}

async function resolveRoute(browser: Browser, state: Awaited<ReturnType<BrowserContext["storageState"]>>, route: (typeof routes)[number]) {
  if (!route.from || !route.link) return route.path;
  const context = await browser.newContext({ baseURL: origin, storageState: state });
  const page = await context.newPage();
  await page.goto(route.from);
  // Lists stream in (Suspense): wait a little for a matching link rather than reading the first paint.
  let href: string | undefined;
  for (let tries = 0; tries < 50 && !href; tries++) {
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    href = hrefs.find((h) => route.link!.test(h));
    if (!href) await page.waitForTimeout(100);
  }
  await context.close();
  if (!href) throw new Error(`no link like ${route.link} on ${route.from}`);
  return route.path.replace(/^.*\{id\}/, `${href}`);
}

/** The caller's environment minus what would point the demo at another database or mail server. */
function demoEnv() {
  const env = { ...process.env };
  for (const name of ["DATABASE_URL", "SMTP_URL", "NODE_OPTIONS"]) delete env[name];
  return env;
}

async function main() {
  if (args.has("--build") || !existsSync(".next/BUILD_ID")) {
    console.log("▸ next build");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  console.log(`▸ starting the demo on ${origin} (fresh database in data/bench-bundle)`);
  const demo = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/dev/demo.ts", "--skip-build", "--reset"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...demoEnv(), PORT: String(PORT), INTERCOM_EMULATOR_PORT: String(EMULATOR_PORT), DATA_DIR: "data/bench-bundle" },
    detached: true,
  });
  let exited = false;
  demo.on("exit", () => (exited = true));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: launchArgs });
  try {
    await waitForHttp(`${origin}/sign-in`, () => exited);
    const states = { admin: await signIn(browser, users.admin), owner: await signIn(browser, users.owner) };
    const rows: { route: string; url: string; result: Measure }[] = [];
    for (const route of routes.filter((r) => !only || only.some((prefix) => r.path.startsWith(prefix)))) {
      const state = states[route.as ?? "admin"];
      const url = await resolveRoute(browser, state, route);
      const result = await measure(browser, state, url);
      rows.push({ route: `${route.path.replace("{id}", "[id]")}${route.as ? ` (as ${route.as})` : ""}`, url, result });
      console.log(
        `${route.path.padEnd(34)} ${result.kb.toFixed(1).padStart(7)} kB  (${result.files} scripts)` +
          (result.islands > 0 ? `   ${result.interactedKb.toFixed(1).padStart(7)} kB after interacting (${result.islands} islands)` : ""),
      );
    }
    if (args.has("--scripts")) printScripts(rows);
    const over = rows.filter((r) => r.result.kb > LIMIT_KB);
    const report = [
      `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${os.cpus().length} cores, Node ${process.version}), \`npm run bench:bundle\`:`,
      `the built app, signed in as the demo admin, each route opened in a fresh Chromium context (empty cache);`,
      `the sum of every script the page loads until the network is idle, each gzipped (zlib default level);`,
      `that includes the route chunks Next prefetches for visible links, so a route moves by about ±2 kB between runs.`,
      `Target: every route ≤ ${LIMIT_KB} kB. "After interacting": the same sum once a pointer has passed over every`,
      `interaction island on the page (components/interaction-island.tsx), i.e. with all of its JavaScript loaded.`,
      "",
      "| route | JS, kB gzipped | scripts | islands | after interacting, kB |",
      "|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.route} | ${r.result.kb > LIMIT_KB ? `**${r.result.kb.toFixed(1)}**` : r.result.kb.toFixed(1)} | ${r.result.files} | ${r.result.islands} | ${r.result.islands > 0 ? r.result.interactedKb.toFixed(1) : "—"} |`,
      ),
      "",
      over.length === 0 ? `Every route is within ${LIMIT_KB} kB.` : `Over ${LIMIT_KB} kB: ${over.map((r) => r.route).join(", ")}.`,
    ].join("\n");
    if (!args.has("--no-write")) writePerformanceSection("Dashboard JavaScript", report);
    console.log(`\n${report}`);
    process.exitCode = over.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    // The demo runs the app and the emulator as its children: end the whole process group it leads.
    if (!exited && demo.pid) process.kill(-demo.pid, "SIGTERM");
  }
}

/** Each route's scripts beyond the shell (the scripts every route loads), largest first. */
function printScripts(rows: { route: string; result: Measure }[]) {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(6)} kB`;
  const shell = [...rows[0]!.result.scripts].filter(([script]) => rows.every((r) => r.result.scripts.has(script)));
  console.log(`\nshell (loaded by every route): ${kb(shell.reduce((sum, [, size]) => sum + size, 0))}`);
  for (const [script, size] of shell.sort((a, b) => b[1] - a[1])) console.log(`  ${kb(size)}  ${script}`);
  for (const row of rows) {
    const own = [...row.result.scripts].filter(([script]) => !shell.some(([s]) => s === script)).sort((a, b) => b[1] - a[1]);
    console.log(`${row.route}: +${kb(own.reduce((sum, [, size]) => sum + size, 0))} beyond the shell`);
    for (const [script, size] of own) console.log(`  ${kb(size)}  ${script}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
