import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { drizzle as drizzleLibsql, type LibSQLDatabase } from "drizzle-orm/libsql";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { createClient } from "@libsql/client";
import pg from "pg";
import { env } from "@/lib/env";
import * as sqliteCore from "./schema/sqlite";
import * as sqliteRuntime from "./schema/runtime-sqlite";
import * as sqliteSync from "./schema/sync-sqlite";
import * as sqliteFlows from "./schema/flows-sqlite";
import * as sqliteAccounts from "./schema/accounts-sqlite";
import * as sqliteIdentity from "./schema/identity-sqlite";
import * as sqliteHealth from "./schema/health-sqlite";
import * as sqliteNotifyPrefs from "./schema/notify-prefs-sqlite";
import * as sqliteBehavior from "./schema/behavior-sqlite";
import * as sqliteAnalytics from "./schema/analytics-sqlite";
import * as pgCore from "./schema/pg";
import * as pgRuntime from "./schema/runtime-pg";
import * as pgSync from "./schema/sync-pg";
import * as pgFlows from "./schema/flows-pg";
import * as pgAccounts from "./schema/accounts-pg";
import * as pgIdentity from "./schema/identity-pg";
import * as pgHealth from "./schema/health-pg";
import * as pgNotifyPrefs from "./schema/notify-prefs-pg";
import * as pgBehavior from "./schema/behavior-pg";
import * as pgAnalytics from "./schema/analytics-pg";

const sqliteSchema = { ...sqliteCore, ...sqliteRuntime, ...sqliteSync, ...sqliteFlows, ...sqliteAccounts, ...sqliteIdentity, ...sqliteHealth, ...sqliteNotifyPrefs, ...sqliteBehavior, ...sqliteAnalytics };
const pgSchema = { ...pgCore, ...pgRuntime, ...pgSync, ...pgFlows, ...pgAccounts, ...pgIdentity, ...pgHealth, ...pgNotifyPrefs, ...pgBehavior, ...pgAnalytics };

export type Dialect = "sqlite" | "postgres";

/**
 * Queries are written once, against the SQLite-typed builder. Both schemas expose the same tables,
 * columns and JS value types (Date, boolean, JSON), so the same query runs on node-postgres.
 * Use only what both drivers share: `await` the builder (never .all()/.get()/.run()) and `.returning()`.
 */
export type Db = LibSQLDatabase<typeof sqliteSchema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const DEFAULT_SQLITE_URL = `file:${path.join(process.cwd(), "data", "tailor.db")}`;

export function databaseUrl(): string {
  return env().DATABASE_URL ?? DEFAULT_SQLITE_URL;
}

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgres:// (Postgres)");
}

export const dialect: Dialect = dialectOf(databaseUrl());

// Tables of the active dialect, typed as the SQLite ones (see Db above).
export const tables = (dialect === "postgres" ? pgSchema : sqliteSchema) as unknown as typeof sqliteSchema;

type Connection = { db: Db; close: () => Promise<void> };

function connect(url: string): Connection {
  if (dialectOf(url) === "postgres") {
    const pool = new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_MAX });
    // An idle connection that the server drops (restart, failover, admin kill) emits "error" on the
    // pool; unhandled, that would crash the process. The pool replaces it on the next query.
    pool.on("error", (error) => console.error(JSON.stringify({ level: "warn", what: "postgres idle connection lost", message: error.message })));
    const db = drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
    return { db, close: () => pool.end() };
  }
  const file = url.slice("file:".length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  // Several processes share the file (app, worker, test runner): wait for locks instead of failing.
  const client = createClient({ url, timeout: 5_000 });
  // WAL: readers never block the writer, and the sync worker writes while requests read. In the
  // default rollback journal, concurrent writers get SQLITE_BUSY at once (deadlock avoidance) instead
  // of waiting. The setting is stored in the file, so failing here (file busy) is harmless.
  void client.execute("PRAGMA journal_mode = WAL").catch(() => undefined);
  const db = serializeInProcess(drizzleLibsql(client, { schema: sqliteSchema }), client);
  return { db, close: async () => client.close() };
}

/**
 * libSQL runs statements synchronously on the main thread and waits for a lock *inside* that call.
 * If one part of the process holds a transaction open across an `await` and another part (the
 * in-process sync worker, a concurrent request) writes meanwhile, the writer blocks the event loop
 * until the busy timeout, the transaction can't finish, and the writer fails with SQLITE_BUSY.
 * So within one process, statements outside a transaction wait (asynchronously) for an open
 * transaction to end. Queries made inside a transaction's callback pass straight through.
 */
function serializeInProcess(db: Db, client: ReturnType<typeof createClient>): Db {
  const insideTransaction = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    if (insideTransaction.getStore()) return fn();
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  for (const method of ["execute", "batch", "executeMultiple", "migrate"] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => exclusive(() => original(...args));
  }
  const transaction = db.transaction.bind(db);
  // Node 20's AsyncLocalStorage adds a hook to every promise the process makes while enabled (5–7 %
  // of a warm decision's CPU): enable it only while a transaction runs (they are one at a time here).
  let open = 0;
  db.transaction = ((callback, config) =>
    exclusive(async () => {
      open += 1;
      try {
        return await insideTransaction.run(true, () => transaction(callback, config));
      } finally {
        if (--open === 0) insideTransaction.disable();
      }
    })) as Db["transaction"];
  return db;
}

// One connection per process, created on first use (never at import: `next build` imports modules),
// and kept on globalThis so dev-mode hot reloads don't open a new pool each time.
const globalForDb = globalThis as unknown as { tailorDb?: Connection & { url: string } };

export function getDb(): Db {
  const url = databaseUrl();
  if (!globalForDb.tailorDb || globalForDb.tailorDb.url !== url) {
    globalForDb.tailorDb = { ...connect(url), url };
  }
  return globalForDb.tailorDb.db;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.tailorDb;
  globalForDb.tailorDb = undefined;
  await current?.close();
}
