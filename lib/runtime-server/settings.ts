/**
 * Settings of the standalone runtime server (`npm run runtime`), read in this one place.
 * TAILOR_RUNTIME_PORT (default 3001) and TAILOR_RUNTIME_HOST (default 127.0.0.1) say where it
 * listens; TAILOR_SHUTDOWN_GRACE_MS (default 10000) how long requests in flight get on SIGTERM.
 * Everything else (DATABASE_URL, REDIS_URL, TAILOR_TRUSTED_PROXIES, rate limits, APP_URL) is shared
 * with the app and read where the app reads it.
 */
export type RuntimeServerSettings = { port: number; host: string; shutdownGraceMs: number };

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)}).`);
  return n;
}

export function runtimeServerSettings(env: Record<string, string | undefined> = process.env): RuntimeServerSettings {
  return {
    port: integer("TAILOR_RUNTIME_PORT", env.TAILOR_RUNTIME_PORT, 3001, 0, 65_535),
    host: env.TAILOR_RUNTIME_HOST?.trim() || "127.0.0.1",
    shutdownGraceMs: integer("TAILOR_SHUTDOWN_GRACE_MS", env.TAILOR_SHUTDOWN_GRACE_MS, 10_000, 0, 600_000),
  };
}
