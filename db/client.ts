import path from "node:path";
import { mkdirSync } from "node:fs";
import { drizzle as drizzleLibsql, type LibSQLDatabase } from "drizzle-orm/libsql";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { createClient } from "@libsql/client";
import pg from "pg";
import * as sqliteSchema from "./schema/sqlite";
import * as pgSchema from "./schema/pg";

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
  return process.env.DATABASE_URL?.trim() || DEFAULT_SQLITE_URL;
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
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
    const db = drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
    return { db, close: () => pool.end() };
  }
  const file = url.slice("file:".length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Several processes share the file (app, worker, test runner): wait for locks instead of failing.
  const client = createClient({ url, timeout: 5_000 });
  const db = drizzleLibsql(client, { schema: sqliteSchema });
  return { db, close: async () => client.close() };
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
