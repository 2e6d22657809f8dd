import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { createFreshDatabase } from "./test-database";

// Runs before each *.db.test.ts file: a fresh, migrated database of the project's dialect.
// DATABASE_URL must be set before db/client is first imported (it picks the dialect then).
const dialect = process.env.TEST_DB_DIALECT === "postgres" ? "postgres" : "sqlite";
const fresh = await createFreshDatabase(dialect, process.env.TEST_POSTGRES_URL);
process.env.DATABASE_URL = fresh.url;
process.env.TAILOR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

const { migrateDatabase } = await import("./migrate-db");
const { closeDb } = await import("./client");
await migrateDatabase();

afterAll(async () => {
  await closeDb();
  await fresh.drop();
});
