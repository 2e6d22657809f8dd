import "server-only";
/**
 * Identity verification hashes: HMAC-SHA256(site secret, email or Intercom contact id), hex.
 * Must never: compare hashes with `===` (timing), log or return the secret, or accept a hash
 * computed for a different identity value.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh per-site secret: 32 random bytes, base64url, prefixed so it is recognisable in a vault. */
export function newIdentitySecret(): string {
  return `tis_${randomBytes(32).toString("base64url")}`;
}

/** What the customer's server computes: lowercase hex HMAC-SHA256 of the identity value. */
export function computeUserHash(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value, "utf8").digest("hex");
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Constant-time check of a visitor-supplied hash (case-insensitive hex) against the identity value. */
export function verifyUserHash(secret: string, value: string, userHash: string | undefined | null): boolean {
  if (!userHash) return false;
  const given = userHash.trim().toLowerCase();
  // Malformed hashes are refused without comparing; the length check keeps timingSafeEqual defined.
  if (!HEX_SHA256.test(given)) return false;
  const expected = Buffer.from(computeUserHash(secret, value), "hex");
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}
