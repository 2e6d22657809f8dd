import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeDataDirPrivate, readOrCreateSecretFile } from "./secret-file";

const mode = (p: string) => statSync(p).mode & 0o777;
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the data folder", () => {
  it("creates secrets owner-only", () => {
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), "tailor-secret-")), "data");
    readOrCreateSecretFile(dir, "auth-secret");
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "auth-secret"))).toBe(0o600);
  });

  it("tightens a folder an older version left world-readable", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tailor-data-"));
    chmodSync(dir, 0o755);
    for (const name of ["tailor.db", "tailor.db-wal", "encryption-key", "app.log"]) writeFileSync(path.join(dir, name), "x", { mode: 0o644 });
    makeDataDirPrivate(dir);
    expect(mode(dir)).toBe(0o700);
    for (const name of ["tailor.db", "tailor.db-wal", "encryption-key", "app.log"]) expect(mode(path.join(dir, name))).toBe(0o600);
  });
});
