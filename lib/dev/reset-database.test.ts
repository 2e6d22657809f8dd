import { describe, expect, it } from "vitest";
import { isLocalDatabaseUrl, resetDatabase } from "./reset-database";

describe("demo --reset only drops a database on this machine", () => {
  it("accepts a SQLite file and Postgres on loopback or a Unix socket", () => {
    for (const url of [
      "file:./data/tailor.db",
      "postgres://postgres@127.0.0.1:5432/tailor_e2e_3100",
      "postgresql://u:p@localhost/demo",
      "postgres://postgres@[::1]:5432/demo",
      "postgres://postgres@127.0.0.2/demo",
      "postgres:///demo",
      "postgres:///demo?host=/var/run/postgresql",
      "postgres://%2Fvar%2Frun%2Fpostgresql/demo",
      "postgres://postgres@localhost/demo?host=/tmp",
    ]) {
      expect(isLocalDatabaseUrl(url), url).toBe(true);
    }
  });

  it("refuses any other host, including a remote ?host= behind a local-looking URL", () => {
    for (const url of [
      "postgres://admin:secret@db.example.com:5432/production",
      "postgres://postgres@10.0.0.5/demo",
      "postgres://postgres@localhost.evil.com/demo",
      "postgres://postgres@127.0.0.1.nip.io/demo",
      "postgres://postgres@localhost/demo?host=db.example.com",
      "mysql://root@127.0.0.1/demo",
      "not a url",
    ]) {
      expect(isLocalDatabaseUrl(url), url).toBe(false);
    }
  });

  it("refuses before connecting, with the password redacted", async () => {
    await expect(resetDatabase("postgres://admin:hunter2@db.example.com:5432/production")).rejects.toThrow(
      /^refusing to reset postgres:\/\/admin:\*+@db\.example\.com:5432\/production: --reset drops the database/,
    );
    await expect(resetDatabase("postgres://admin:hunter2@db.example.com:5432/production")).rejects.not.toThrow(/hunter2/);
  });
});
