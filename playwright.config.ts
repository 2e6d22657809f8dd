import { defineConfig, devices } from "@playwright/test";

// The built app and the Intercom emulator on a fresh database (SQLite by default; set
// E2E_DATABASE_URL=postgres://… to run the same suite on Postgres).
const port = Number(process.env.E2E_PORT ?? 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4100);
const dataDir = "data/e2e";
const mailPort = port + 2000; // the SMTP sink of e2e/global-setup.ts (e2e/mail.ts derives the same port)
// The standalone runtime server (`npm run runtime`), started by the demo beside the app (--runtime).
const runtimePort = Number(process.env.E2E_RUNTIME_PORT ?? port + 1);
process.env.E2E_RUNTIME_ORIGIN = `http://127.0.0.1:${runtimePort}`;
// `npm run test:e2e:pg` sets E2E_DIALECT=postgres: a tailor_e2e_<port> database on the TEST_POSTGRES_URL server.
const pgServer = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const databaseUrl =
  process.env.E2E_DATABASE_URL ??
  (process.env.E2E_DIALECT === "postgres"
    ? Object.assign(new URL(pgServer), { pathname: `/tailor_e2e_${port}` }).toString()
    : `file:./${dataDir}/tailor.db`);
process.env.DATABASE_URL = databaseUrl; // for fixtures that prepare data directly in the database
process.env.E2E_EMULATOR_ORIGIN = `http://127.0.0.1:${emulatorPort}`;
process.env.TAILOR_INTERCOM_REFRESH_MS ??= "4000";
// Fixtures that call lib/ directly must reach the same emulator and decrypt with the same key as the app.
const encryptionKey = "ZTJlLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";
process.env.TAILOR_ENCRYPTION_KEY = encryptionKey;
for (const region of ["us", "eu", "au"]) {
  process.env[`INTERCOM_BASE_URL_${region.toUpperCase()}`] = `http://127.0.0.1:${emulatorPort}/${region}`;
}
// Those fixtures import server modules (`import "server-only"`), which load only under the
// react-server condition outside Next: the test workers inherit it. The app itself never does.
if (!process.env.NODE_OPTIONS?.includes("--conditions=react-server")) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim();
}

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  // 60 s per test: the long stories (two browsers, the mailbox, the sync worker) on a 2-core machine.
  // Where an e2e run's CPU goes (measured with a cpuacct cgroup around e2e/auth.spec.ts): about half is
  // Chromium (browser, GPU and renderer processes), then the test workers, the app, the servers' start-up.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace of every test (to keep only the failures') cost ~15–20 % of the suite's CPU:
    // a trace is recorded when a failed test is retried, which is what CI needs to read a failure.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server lib/dev/demo.ts --skip-build --reset --runtime",
    url: `http://127.0.0.1:${port}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_OPTIONS: "",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      INTERCOM_EMULATOR_PORT: String(emulatorPort),
      TAILOR_RUNTIME_PORT: String(runtimePort),
      AUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789",
      TAILOR_ENCRYPTION_KEY: encryptionKey,
      SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
      MAIL_FROM: "Tailor E2E <e2e@tailor.test>",
      APP_URL: `http://127.0.0.1:${port}`,
      // The scheduled Intercom refresh, shortened so e2e sees drift and recovery within seconds.
      TAILOR_INTERCOM_REFRESH_MS: process.env.TAILOR_INTERCOM_REFRESH_MS,
    },
  },
});
