import { defineConfig } from "drizzle-kit";

// SQLite (the embedded default). Postgres has its own config: drizzle.pg.config.ts.
export default defineConfig({
  dialect: "sqlite",
  schema: ["./db/schema/sqlite.ts", "./db/schema/runtime-sqlite.ts", "./db/schema/sync-sqlite.ts", "./db/schema/flows-sqlite.ts", "./db/schema/accounts-sqlite.ts", "./db/schema/identity-sqlite.ts", "./db/schema/health-sqlite.ts", "./db/schema/notify-prefs-sqlite.ts", "./db/schema/behavior-sqlite.ts", "./db/schema/analytics-sqlite.ts"],
  out: "./db/migrations/sqlite",
});
