import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migrateLibsql } from "drizzle-orm/libsql/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { dialect, getDb } from "./client";

const migrationsRoot = path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations of the active dialect. Idempotent. */
export async function migrateDatabase(): Promise<void> {
  const db = getDb();
  if (dialect === "postgres") {
    // Db is typed as SQLite for shared queries (db/client.ts); here we need the real driver type.
    await migratePg(db as unknown as NodePgDatabase, { migrationsFolder: path.join(migrationsRoot, "pg") });
  } else {
    // WAL lets readers work while one process writes; the setting is stored in the file.
    await db.run(sql`PRAGMA journal_mode = WAL`);
    await migrateLibsql(db, { migrationsFolder: path.join(migrationsRoot, "sqlite") });
  }
}
