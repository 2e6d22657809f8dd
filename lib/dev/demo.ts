/**
 * `npm run demo`: builds, migrates and seeds the embedded SQLite database, starts the Intercom
 * emulator and the app, then prints where to go and how to sign in.
 * Flags: --skip-build (reuse .next), --reset (start from an empty database). Env: PORT, DATA_DIR,
 * DATABASE_URL, INTERCOM_EMULATOR_PORT.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dataDir, makeDataDirPrivate, readOrCreateSecretFile } from "@/lib/secret-file";

const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const dir = dataDir();
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

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

async function resetDatabase(url: string) {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return;
  }
  // Postgres: a database of its own for the demo or e2e run, emptied (created if missing).
  const pg = (await import("pg")).default;
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing to reset a database named ${JSON.stringify(name)}`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
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
  const { startIntercomEmulator } = await import("@/lib/intercom-emulator/server");
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
  const { seedDemoBehavior } = await import("@/lib/dev/seed-behavior");
  await seedDemoBehavior("acme");
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
  const shutdown = async (code = 0) => {
    app.kill("SIGTERM");
    await emulator.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  app.on("exit", (code) => void shutdown(code ?? 0));

  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  await waitForHttp(`${url}/sign-in`, app);

  const logins = demoWorkspaces.flatMap((ws) => ws.members.map((m) => `    ${m.email.padEnd(22)} ${m.role.padEnd(9)} ${ws.name}`));
  const tokens = Object.entries(emulator.tokens).map(([region, t]) => `    ${region.padEnd(3)} ${t.full}   (read-only: ${t.readOnly})`);
  console.log(
    [
      "",
      "────────────────────────────────────────────────────────────",
      `  Tailor is running at ${url}`,
      `  Demo website with the snippet: ${url}/demo-site (identify as ada@example.com: a VIP whose color is teal)`,
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
