import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./db/schema/pg.ts", "./db/schema/runtime-pg.ts", "./db/schema/sync-pg.ts", "./db/schema/flows-pg.ts", "./db/schema/accounts-pg.ts", "./db/schema/identity-pg.ts", "./db/schema/health-pg.ts", "./db/schema/notify-prefs-pg.ts", "./db/schema/behavior-pg.ts", "./db/schema/analytics-pg.ts"],
  out: "./db/migrations/pg",
});
