import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Reads a secret kept in the data folder, creating it (32 random bytes, base64, mode 0600) on first
 * use. Only for the embedded, single-machine default; production passes secrets as env vars.
 */
export function readOrCreateSecretFile(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64");
  writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

export function dataDir(): string {
  return env().dataDir;
}

/**
 * The embedded default's data folder holds the database, the generated secrets and the app log:
 * only the owner may read it (folder 0700, files 0600), also when an older version created it
 * world-readable. Must never leave a secret or the database readable by other local users.
 */
export function makeDataDirPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    chmodSync(file, statSync(file).isDirectory() ? 0o700 : 0o600);
  }
}
