import { env, parseEnv, type EnvSource, type Settings } from "@/lib/env";

/**
 * Settings of the standalone runtime server (`npm run runtime`), parsed with every other setting in
 * lib/env.ts: TAILOR_RUNTIME_PORT (default 3001) and TAILOR_RUNTIME_HOST (default 127.0.0.1) say where
 * it listens; TAILOR_SHUTDOWN_GRACE_MS (default 10000) how long requests in flight get on SIGTERM.
 * Everything else (DATABASE_URL, REDIS_URL, TAILOR_TRUSTED_PROXIES, rate limits, APP_URL) is shared
 * with the app.
 */
export type RuntimeServerSettings = { port: number; host: string; shutdownGraceMs: number };

/** From this process's settings, or (tests) from a given environment record. */
export function runtimeServerSettings(source?: EnvSource): RuntimeServerSettings {
  const settings: Settings = source ? parseEnv(source) : env();
  return { port: settings.TAILOR_RUNTIME_PORT, host: settings.TAILOR_RUNTIME_HOST, shutdownGraceMs: settings.TAILOR_SHUTDOWN_GRACE_MS };
}
