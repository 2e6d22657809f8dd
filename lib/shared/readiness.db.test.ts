import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { describe, expect, it } from "vitest";
import { dialect, getDb } from "@/db/client";
import { health, markShuttingDown, readiness } from "./readiness";

async function forgetLatestMigration() {
  if (dialect === "postgres") {
    await (getDb() as unknown as NodePgDatabase).execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
  } else {
    await getDb().run(sql`delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)`);
  }
}

describe("health and readiness (no Redis configured)", () => {
  it("is healthy and ready on a migrated database, without a Redis check", async () => {
    expect(health()).toEqual({ ok: true, status: "ok", redis: "not_configured" });
    expect(await readiness()).toEqual({ ready: true, degraded: false, checks: { database: { ok: true }, migrations: { ok: true } } });
  });

  it("is not ready while a committed migration is not applied, nor once shutting down", async () => {
    await forgetLatestMigration();
    expect(await readiness()).toMatchObject({ ready: false, checks: { database: { ok: true }, migrations: { ok: false, detail: expect.stringMatching(/db:migrate/) } } });
    markShuttingDown();
    expect(await readiness()).toMatchObject({ ready: false, checks: { shutdown: { ok: false } } });
  });
});
