import "server-only";
/**
 * The optional Redis connection app nodes share (REDIS_URL). What must never happen: a request
 * waiting on a dead Redis (commands fail fast while it is down), a log line per request, a secret
 * (the URL's password) in a log, or a Redis error escaping into a request (callers get `undefined`).
 */
import { Redis } from "ioredis";
import { redactUrl } from "@/lib/redact";
import { env, parseEnv, type EnvSource } from "@/lib/env";

export type RedisStatus = "not_configured" | "up" | "down";

type Shared = { client: Redis | null; status: RedisStatus; since: number; lastError: string | null; announced?: boolean };

const globalForRedis = globalThis as unknown as { tailorRedis?: Shared };

export function redisUrl(source?: EnvSource): string | null {
  return (source ? parseEnv(source) : env()).REDIS_URL ?? null;
}

function setStatus(shared: Shared, status: RedisStatus, error?: Error) {
  // The first state is always logged (a node that starts while Redis is down says so once).
  if (shared.status === status && shared.announced) return;
  shared.announced = true;
  shared.status = status;
  shared.since = Date.now();
  shared.lastError = error ? error.message : null;
  // One line per transition, never per request.
  const line = { level: status === "up" ? "info" : "warn", what: status === "up" ? "redis connected" : "redis unavailable; serving from memory and the database" };
  console[status === "up" ? "info" : "warn"](JSON.stringify({ ...line, url: redactUrl(redisUrl() ?? ""), ...(error ? { message: error.message } : {}) }));
}

function connect(url: string): Shared {
  const shared: Shared = { client: null, status: "down", since: Date.now(), lastError: null };
  const client = new Redis(url, {
    keyPrefix: env().TAILOR_REDIS_PREFIX,
    // Fail fast instead of queueing while disconnected: the request path falls back to L1 + DB.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: env().TAILOR_REDIS_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Reconnect forever, backing off to one attempt every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  client.on("ready", () => setStatus(shared, "up"));
  client.on("error", (error: Error) => setStatus(shared, "down", error));
  client.on("close", () => setStatus(shared, "down", new Error("connection closed")));
  shared.client = client;
  return shared;
}

// Asked several times per request: no allocation when Redis is not configured.
const NOT_CONFIGURED: Shared = Object.freeze({ client: null, status: "not_configured", since: 0, lastError: null }) as Shared;

function shared(): Shared {
  const url = redisUrl();
  if (!url) return NOT_CONFIGURED;
  globalForRedis.tailorRedis ??= connect(url);
  return globalForRedis.tailorRedis;
}

/** The shared client when REDIS_URL is set (connecting in the background), else null. */
export function redisClient(): Redis | null {
  return shared().client;
}

/** The client only while it is connected: callers skip Redis entirely while it is down. */
export function readyRedis(): Redis | null {
  const s = shared();
  return s.client && s.client.status === "ready" ? s.client : null;
}

export function redisHealth(): { status: RedisStatus; since: string | null; error: string | null } {
  const s = shared();
  return { status: s.status, since: s.since ? new Date(s.since).toISOString() : null, error: s.lastError };
}

/** Resolves once connected (or after `timeoutMs`): startup and tests. */
export async function waitForRedis(timeoutMs = 3_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (readyRedis()) return true;
    if (!redisClient()) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return Boolean(readyRedis());
}

export async function closeRedis(): Promise<void> {
  const current = globalForRedis.tailorRedis;
  globalForRedis.tailorRedis = undefined;
  if (current?.client) {
    current.client.removeAllListeners();
    await current.client.quit().catch(() => current.client?.disconnect());
  }
}

/** Runs a command when Redis is up; `undefined` when it is down, not configured, or the command failed. */
export async function tryRedis<T>(fn: (redis: Redis) => Promise<T>): Promise<T | undefined> {
  const redis = readyRedis();
  if (!redis) return undefined;
  try {
    return await fn(redis);
  } catch {
    // A failing command while "ready" (timeout, server restarting): the connection events log it.
    return undefined;
  }
}
