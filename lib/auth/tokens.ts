import { createHash, randomBytes } from "node:crypto";

/**
 * One-time link tokens (invitations, password resets). Only the SHA-256 hash is stored, so the
 * database never holds a working link; the token itself exists only in the email or copy-link.
 */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a database lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
