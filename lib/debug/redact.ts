// The debug panel's last line of defence: whatever it shows or copies passes through here.
// Must never happen: an Authorization header, an access token or a cookie in a report or on screen.

export const REDACTED = "[redacted]";

const SECRET_KEY = /authori[sz]ation|token|secret|password|cookie|api[-_]?key|ciphertext/i;
const BEARER = /Bearer\s+[^\s"',}]+/gi;
// Intercom access tokens are base64 of "tok:…".
const INTERCOM_TOKEN = /dG9rO[A-Za-z0-9+/_-]{8,}={0,2}/g;

function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out.replace(BEARER, `Bearer ${REDACTED}`).replace(INTERCOM_TOKEN, REDACTED);
}

/**
 * A deep copy of `value` with secret-looking keys blanked and any known secret, bearer header or
 * Intercom token removed from strings. `secrets` are values to remove wherever they appear.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[] = []): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 20) return REDACTED;
    if (typeof v === "string") return redactString(v, secrets);
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    if (v && typeof v === "object") {
      if (v instanceof Date) return v.toISOString();
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([key, item]) => [
          redactString(key, secrets),
          SECRET_KEY.test(key) ? REDACTED : walk(item, depth + 1),
        ]),
      );
    }
    return v;
  };
  return walk(value, 0) as T;
}
