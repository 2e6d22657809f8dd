/**
 * Cache invalidations between app nodes: "this workspace published", "this visitor changed".
 * Postgres LISTEN/NOTIFY when the database is Postgres (every node already has it, and it works
 * while Redis is down), else Redis pub/sub when REDIS_URL is set, else this process only.
 * Must never: carry more than ids, let a lost listener crash the process, or be a request's only
 * path to fresh data (the caches' own expiry stays the safety net).
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Redis } from "ioredis";
import { databaseUrl, dialect, getDb } from "@/db/client";
import { logError, logInfo } from "@/lib/log";
import { redisClient } from "./redis";
import { env } from "@/lib/env";

export type Topic = "live" | "site" | "visitor" | "flow-closed" | "identity" | "contact" | "behavior-rules" | "goals";
/** `key` "*" means "drop everything of this topic" (sent after a listener reconnects: messages may have been missed). */
type Message = { topic: Topic; key: string; origin: string };
type Handler = (key: string) => void;

const CHANNEL = "tailor_invalidate";
// On a Redis shared by several deployments, the key prefix keeps their messages apart.
const redisChannel = () => `${env().TAILOR_REDIS_PREFIX}invalidate`;
const nodeId = randomUUID();

type Bus = { handlers: Map<Topic, Set<Handler>>; stop: (() => Promise<void>) | null; transport: "postgres" | "redis" | "local" };
const globalForBus = globalThis as unknown as { tailorBus?: Bus };
const bus: Bus = (globalForBus.tailorBus ??= { handlers: new Map(), stop: null, transport: "local" });

/** Registers what this process drops when `topic` changes (here or on another node). */
export function onInvalidate(topic: Topic, handler: Handler): void {
  const set = bus.handlers.get(topic) ?? new Set();
  set.add(handler);
  bus.handlers.set(topic, set);
}

function deliver(message: Pick<Message, "topic" | "key">) {
  for (const handler of bus.handlers.get(message.topic) ?? []) {
    try {
      handler(message.key);
    } catch (error) {
      logError("invalidation handler failed", error, { topic: message.topic });
    }
  }
}

function dropEverything() {
  for (const topic of bus.handlers.keys()) deliver({ topic, key: "*" });
}

function receive(raw: string) {
  try {
    const message = JSON.parse(raw) as Message;
    if (message.origin !== nodeId && typeof message.key === "string") deliver(message);
  } catch {
    // Not ours: ignore.
  }
}

/** Drops `key` of `topic` in this process at once and tells the other nodes. Never throws. */
export async function broadcastInvalidate(topic: Topic, key: string): Promise<void> {
  deliver({ topic, key });
  const payload = JSON.stringify({ topic, key, origin: nodeId } satisfies Message);
  try {
    if (dialect === "postgres") {
      await (getDb() as unknown as NodePgDatabase).execute(sql`select pg_notify(${CHANNEL}, ${payload})`);
    } else {
      const redis = redisClient();
      if (redis && redis.status === "ready") await redis.publish(redisChannel(), payload);
    }
  } catch (error) {
    logError("invalidation broadcast failed; other nodes catch up at expiry", error, { topic });
  }
}

function listenPostgres(): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let everConnected = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl() });
    client = c;
    c.on("notification", (n) => n.channel === CHANNEL && n.payload && receive(n.payload));
    c.on("error", () => undefined);
    c.on("end", () => {
      if (!stopped) schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      if (everConnected) {
        logInfo("invalidation listener reconnected");
        dropEverything();
      }
      everConnected = true;
    } catch (error) {
      logError("invalidation listener could not connect; retrying", error);
      await c.end().catch(() => undefined);
    }
  };
  const schedule = () => {
    if (retry || stopped) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 1_000);
    retry.unref();
  };
  void connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

function listenRedis(redis: Redis): () => Promise<void> {
  const subscriber = redis.duplicate({ enableOfflineQueue: true });
  let connectedBefore = false;
  subscriber.on("error", () => undefined);
  subscriber.on("ready", () => {
    if (connectedBefore) dropEverything();
    connectedBefore = true;
  });
  subscriber.on("message", (channel: string, payload: string) => channel === redisChannel() && receive(payload));
  void subscriber.subscribe(redisChannel()).catch(() => undefined);
  return async () => {
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}

/** Starts listening for other nodes' invalidations (app and worker processes call this at startup). */
export function startInvalidationListener(): "postgres" | "redis" | "local" {
  if (bus.stop) return bus.transport;
  const redis = redisClient();
  if (dialect === "postgres") {
    bus.stop = listenPostgres();
    bus.transport = "postgres";
  } else if (redis) {
    bus.stop = listenRedis(redis);
    bus.transport = "redis";
  } else {
    bus.stop = async () => undefined;
    bus.transport = "local";
  }
  return bus.transport;
}

export async function stopInvalidationListener(): Promise<void> {
  const stop = bus.stop;
  bus.stop = null;
  await stop?.();
}
