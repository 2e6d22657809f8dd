import "server-only";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

/**
 * Every setting Tailor reads from the environment, parsed in one place with defaults and units
 * (.env.example describes each). Nothing else in lib/ or db/ reads process.env (an ESLint rule
 * holds it). A bad value is a startup error that names the variable, never a silent NaN:
 *
 *   TAILOR_PUBLIC_RATE_LIMIT=abc → "Invalid settings: TAILOR_PUBLIC_RATE_LIMIT must be a whole number ≥ 1 (got "abc")"
 *
 * `env()` parses process.env once and again only when one of these variables changed since (the
 * demo, tests and benches set some at run time, e.g. the emulator's URLs), so reads are cheap; in a
 * started server (settleEnv) it stops comparing, so reads are free.
 */
export type EnvSource = Record<string, string | undefined>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings: ${problems.join("; ")}. See .env.example.`);
    this.name = "EnvError";
  }
}

const blankToUndefined = (raw: string | undefined) => (raw === undefined || raw.trim() === "" ? undefined : raw.trim());

/** A whole number with a lower bound (ms, seconds, counts: the variable's name says the unit). */
const int = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = blankToUndefined(raw);
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number ${max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `≥ ${min}`} (got "${raw}")` });
        return z.NEVER;
      }
      return n;
    });

const decimal = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = blankToUndefined(raw);
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a number from ${min} to ${max} (got "${raw}")` });
        return z.NEVER;
      }
      return n;
    });

/** "1"/"true" or "0"/"false"; unset → undefined (the caller's default applies). */
const flag = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const value = blankToUndefined(raw)?.toLowerCase();
    if (value === undefined) return undefined;
    if (value === "1" || value === "true") return true;
    if (value === "0" || value === "false") return false;
    ctx.addIssue({ code: "custom", message: `must be 1 or 0 (got "${raw}")` });
    return z.NEVER;
  });

const text = z.string().optional().transform(blankToUndefined);

/** An http(s) URL; trailing slashes dropped (a base URL may carry a path prefix). */
const httpUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const value = blankToUndefined(raw);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a valid URL" });
      return z.NEVER;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: "must be an http(s) URL" });
      return z.NEVER;
    }
    return value.replace(/\/+$/, "");
  });

const schema = z.object({
  // Database and files
  DATABASE_URL: text,
  DATABASE_POOL_MAX: int(10, 1),
  DATA_DIR: text,
  PORT: int(3000, 1, 65_535),
  APP_URL: httpUrl,
  // Secrets (server-only module: never sent to a browser)
  TAILOR_ENCRYPTION_KEY: text,
  SMTP_URL: text,
  MAIL_FROM: text,
  // Intercom
  INTERCOM_BASE_URL_US: httpUrl,
  INTERCOM_BASE_URL_EU: httpUrl,
  INTERCOM_BASE_URL_AU: httpUrl,
  // Shared layer
  REDIS_URL: text,
  TAILOR_REDIS_PREFIX: z.string().optional().transform((raw) => raw ?? "tailor:"),
  TAILOR_REDIS_TIMEOUT_MS: int(500, 1),
  // Website runtime
  TAILOR_CONTACT_CACHE_TTL_SECONDS: int(300, 0),
  TAILOR_CONTACT_CACHE_MAX: int(10_000, 1),
  TAILOR_CONTACT_CACHE_LOCAL_MS: int(2_000, 0),
  TAILOR_TAG_CATALOGUE_TTL_SECONDS: int(600, 1),
  TAILOR_VISITOR_CACHE_MS: int(5_000, 0),
  TAILOR_PUBLIC_RATE_LIMIT: int(120, 1),
  TAILOR_PUBLIC_CLIENT_RATE_LIMIT: int(600, 1),
  TAILOR_TRUSTED_PROXIES: text,
  TAILOR_PEER_STAMP: text,
  TAILOR_DEMO_SITE_SIGNING: flag,
  // Standalone runtime server (`npm run runtime`)
  TAILOR_RUNTIME_PORT: int(3001, 0, 65_535),
  TAILOR_RUNTIME_HOST: z.string().optional().transform((raw) => blankToUndefined(raw) ?? "127.0.0.1"),
  TAILOR_SHUTDOWN_GRACE_MS: int(10_000, 0, 600_000),
  // Sync engine
  TAILOR_INPROCESS_WORKER: flag,
  TAILOR_SYNC_CONCURRENCY: int(4, 1),
  TAILOR_SYNC_LEASE_MS: int(60_000, 0),
  TAILOR_SYNC_POLL_MS: int(500, 0),
  TAILOR_SYNC_MAX_ATTEMPTS: int(8, 1),
  TAILOR_SYNC_BACKOFF_BASE_MS: int(2_000, 0),
  TAILOR_SYNC_BACKOFF_MAX_MS: int(300_000, 0),
  TAILOR_SYNC_WRITE_TIMEOUT_MS: int(10_000, 0),
  TAILOR_SYNC_READ_TIMEOUT_MS: int(5_000, 0),
  TAILOR_SYNC_HOUSEKEEPING_MS: int(2_000, 0),
  TAILOR_SYNC_BACKFILL_SETTLE_MS: int(10_000, 0),
  TAILOR_SYNC_RATE_TARGET: decimal(0.95, 0.1, 1),
  TAILOR_SYNC_RATE_WINDOW_MS: int(10_000, 1_000),
  TAILOR_SYNC_DRAIN_TIMEOUT_MS: int(600_000, 0),
  TAILOR_INTERCOM_REFRESH_MS: int(3_600_000, 1_000),
  TAILOR_INTERCOM_REFRESH: flag,
  TAILOR_NOTIFICATION_DIGEST_MS: int(86_400_000, 1_000),
  TAILOR_EVENT_WAIT_DAYS: int(30, 1, 3_650),
  TAILOR_ANALYTICS_RETENTION_DAYS: int(90, 1, 3_650),
});

export type Settings = z.output<typeof schema> & {
  /** DATA_DIR resolved (default ./data). */
  dataDir: string;
};

const KEYS = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

/** Parses a set of variables (process.env or a test's object); throws EnvError naming every bad one. */
export function parseEnv(source: EnvSource): Settings {
  const raw = Object.fromEntries(KEYS.map((k) => [k, source[k]]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR ?? path.join(process.cwd(), "data")) };
}

// On globalThis: Next bundles this module into more than one chunk (instrumentation, route handlers).
type EnvState = { cached?: { fingerprint: string; settings: Settings }; settled: boolean };
const state = ((globalThis as { tailorEnvState?: EnvState }).tailorEnvState ??= { settled: false });

/**
 * The settings of this process (parsed again only when one of its variables changed). Comparing
 * the variables costs ~13 µs (one process.env read each), and a request asks several times: once a
 * server has started (settleEnv), its environment is final and the parsed settings are returned as is.
 */
export function env(): Settings {
  if (state.settled && state.cached) return state.cached.settings;
  const source = process.env;
  const fingerprint = KEYS.map((k) => source[k] ?? "\u0000").join("\u0001");
  if (state.cached?.fingerprint !== fingerprint) state.cached = { fingerprint, settings: parseEnv(source) };
  return state.cached.settings;
}

/**
 * Called once by a server process after start-up (lib/shared/lifecycle.ts: the app's
 * instrumentation and the runtime server): nothing in such a process changes its environment
 * afterwards, so env() stops comparing. Tests, benches and the demo never call it; they set
 * variables at run time.
 */
export function settleEnv(): Settings {
  state.settled = false;
  const settings = env();
  state.settled = true;
  return settings;
}

/**
 * The stamp a listener in this process puts beside the socket's peer address (x-tailor-peer; see
 * lib/client-ip.ts): TAILOR_PEER_STAMP when set (server.mjs sets it), else a random one made now and
 * kept in the environment so env() and child processes see the same value.
 */
export function ensurePeerStamp(): string {
  if (!process.env.TAILOR_PEER_STAMP) {
    process.env.TAILOR_PEER_STAMP = randomBytes(16).toString("hex");
    // A settled env() must see the stamp, or no peer address would ever be believed.
    if (state.settled) settleEnv();
  }
  return process.env.TAILOR_PEER_STAMP;
}
