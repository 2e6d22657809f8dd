/**
 * The only module that encrypts or decrypts secrets (Intercom tokens). AES-256-GCM with a random
 * 12-byte IV; ciphertext is "v1:" + base64(iv | tag | data). The workspace id is bound as
 * associated data, so a ciphertext copied to another workspace's row fails to decrypt.
 * Must never: log or throw the plaintext, or fall back to storing it unencrypted.
 */
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { dataDir, readOrCreateSecretFile } from "@/lib/secret-file";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

let cachedKey: Buffer | undefined;

function parseKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) throw new Error("TAILOR_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).");
  return key;
}

/** From TAILOR_ENCRYPTION_KEY, or, for the embedded SQLite default only, a key file in the data folder. */
export function encryptionKey(): Buffer {
  if (cachedKey) return cachedKey;
  const settings = env();
  const fromEnv = settings.TAILOR_ENCRYPTION_KEY;
  if (fromEnv) return (cachedKey = parseKey(fromEnv));
  if (settings.DATABASE_URL?.startsWith("postgres")) {
    throw new Error("TAILOR_ENCRYPTION_KEY is required when DATABASE_URL points at Postgres.");
  }
  return (cachedKey = parseKey(readOrCreateSecretFile(dataDir(), "encryption-key")));
}

export function encryptSecret(plaintext: string, associatedData: string, key = encryptionKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64")}`;
}

export class DecryptionError extends Error {
  constructor() {
    super("A stored secret could not be decrypted (wrong key or tampered data).");
    this.name = "DecryptionError";
  }
}

export function decryptSecret(ciphertext: string, associatedData: string, key = encryptionKey()): string {
  const [version, payload] = ciphertext.split(":", 2);
  if (version !== VERSION || !payload) throw new DecryptionError();
  const raw = Buffer.from(payload, "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError();
  }
}
