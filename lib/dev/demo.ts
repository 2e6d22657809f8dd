/**
 * `npm run demo`: builds, migrates and seeds the embedded SQLite database, starts the Intercom
 * emulator and the app, then prints where to go and how to sign in.
 * Flags: --skip-build (reuse .next), --reset (start from an empty database; only a SQLite file or a
 * Postgres database on this machine, see reset-database.ts), --runtime (also start the standalone
 * runtime server, `npm run runtime`, on TAILOR_RUNTIME_PORT, default PORT + 1, and point the demo
 * website's snippet at it). Env: PORT, DATA_DIR, DATABASE_URL, INTERCOM_EMULATOR_PORT.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dataDir, makeDataDirPrivate, readOrCreateSecretFile } from "@/lib/secret-file";
import { resetDatabase } from "./reset-database";

const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const dir = dataDir();
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const withRuntime = args.has("--runtime");
const runtimePort = Number(process.env.TAILOR_RUNTIME_PORT || port + 1);
const shownHost = host === "0.0.0.0" ? "localhost" : host;
const runtimeUrl = `http://${shownHost}:${runtimePort}`;

// Everything the demo and the app it starts create (database, WAL, secrets, log) is owner-only.
process.umask(0o077);
mkdirSync(dir, { recursive: true, mode: 0o700 });
makeDataDirPrivate(dir);
process.env.DATABASE_URL ||= `file:${path.join(dir, "tailor.db")}`;
process.env.AUTH_SECRET ||= readOrCreateSecretFile(dir, "auth-secret");
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Links in emails (invitations, password resets) point here; never taken from a request's Host.
process.env.APP_URL ||= `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
// The demo website signs identities server-side like a customer's site would (lib/identity/demo-signer.ts).
process.env.TAILOR_DEMO_SITE_SIGNING ||= "1";

function step(message: string) {
  console.log(`\n▸ ${message}`);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer at ${url} within ${timeoutMs / 1000}s`);
}

async function main() {
  if (!args.has("--skip-build")) {
    step("Building the app (next build)");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const { redactUrl } = await import("@/lib/redact");
  if (args.has("--reset")) {
    step(`Resetting ${redactUrl(process.env.DATABASE_URL!)}`);
    await resetDatabase(process.env.DATABASE_URL!);
    rmSync(path.join(dir, "app.log"), { force: true });
  }
  step("Starting the Intercom emulator");
  const { startIntercomEmulator } = await import("@/emulator/server");
  const emulator = await startIntercomEmulator({ port: Number(process.env.INTERCOM_EMULATOR_PORT ?? 4010) });
  process.env.INTERCOM_BASE_URL_US = emulator.baseUrls.US;
  process.env.INTERCOM_BASE_URL_EU = emulator.baseUrls.EU;
  process.env.INTERCOM_BASE_URL_AU = emulator.baseUrls.AU;

  step("Migrating and seeding the database");
  const { migrateDatabase } = await import("@/db/migrate-db");
  const { seedDemo, DEMO_PASSWORD, demoWorkspaces } = await import("@/db/seed");
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { closeDb } = await import("@/db/client");
  await migrateDatabase();
  await seedDemo();
  await seedDemoWebsite("acme", emulator.tokens.US.full);
  const { seedDemoFlow } = await import("@/lib/dev/seed-flow");
  await seedDemoFlow("acme");
  // The demo website's snippet calls the runtime server with --runtime, else the app (Settings → Website → API address).
  const { setDemoApiBase } = await import("@/lib/dev/seed-website");
  await setDemoApiBase("acme", withRuntime ? `${runtimeUrl}/api/v1` : null);
  const { seedDemoBehavior } = await import("@/lib/dev/seed-behavior");
  await seedDemoBehavior("acme");
  const { seedDemoAnalytics } = await import("@/lib/dev/seed-analytics");
  await seedDemoAnalytics("acme");
  await closeDb();
  makeDataDirPrivate(dir);

  step("Starting the app");
  // server.mjs: Next behind a plain HTTP server that stamps the peer address (lib/client-ip.ts).
  const app = spawn(process.execPath, [path.join(process.cwd(), "server.mjs"), "-p", String(port), "-H", host], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  // The app's output goes to the terminal and to data/app.log (tests grep it for leaked secrets).
  const log = createWriteStream(path.join(dir, "app.log"), { flags: "a", mode: 0o600 });
  app.stdout.on("data", (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
  app.stderr.on("data", (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
  // --runtime: the standalone runtime server beside the app (same database, settings and log).
  const runtime = withRuntime
    ? spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(process.cwd(), "lib", "runtime-server", "cli.ts")], {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "production", TAILOR_RUNTIME_PORT: String(runtimePort), TAILOR_RUNTIME_HOST: host },
      })
    : null;
  runtime?.stdout?.on("data", (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
  runtime?.stderr?.on("data", (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
  const shutdown = async (code = 0) => {
    runtime?.kill("SIGTERM");
    app.kill("SIGTERM");
    await emulator.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  app.on("exit", (code) => void shutdown(code ?? 0));
  runtime?.on("exit", (code) => void shutdown(code ?? 0));

  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  await waitForHttp(`${url}/sign-in`, app);
  if (runtime) await waitForHttp(`${runtimeUrl}/ready`, runtime);

  const logins = demoWorkspaces.flatMap((ws) => ws.members.map((m) => `    ${m.email.padEnd(22)} ${m.role.padEnd(9)} ${ws.name}`));
  const tokens = Object.entries(emulator.tokens).map(([region, t]) => `    ${region.padEnd(3)} ${t.full}   (read-only: ${t.readOnly})`);
  console.log(
    [
      "",
      "────────────────────────────────────────────────────────────",
      `  Tailor is running at ${url}`,
      `  Demo website with the snippet: ${url}/demo-site (identify as ada@example.com: a VIP whose color is teal)`,
      runtime ? `  Runtime server (public API + tailor.js; the demo website's snippet calls it): ${runtimeUrl}` : "  Public API served by the app (add --runtime for the standalone runtime server).",
      "",
      `  Sign in with any of these (password: ${DEMO_PASSWORD}):`,
      ...logins,
      "",
      "  Intercom emulator (paste a token into Integrations → Intercom):",
      ...Object.entries(emulator.baseUrls).map(([region, base]) => `    ${region.padEnd(3)} ${base}`),
      "  Access tokens:",
      ...tokens,
      "",
      process.env.SMTP_URL
        ? `  Email goes out through ${redactUrl(process.env.SMTP_URL)} (invitations, password resets).`
        : "  Email is not set up (SMTP_URL): invitation links are shown to the inviter to copy, and each mail\n  Tailor would send is logged (recipient and subject) to the terminal and app.log.",
      "",
      "  Press Ctrl+C to stop.",
      "────────────────────────────────────────────────────────────",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`\nThe demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
