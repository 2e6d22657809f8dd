import { normalizeOrigin } from "@/lib/website/origin";

/**
 * CORS for the snippet API: only a workspace's configured origins (and the app's own origin, for
 * the built-in demo page) get Access-Control-Allow-Origin. No cookies are ever accepted.
 */

// A site's allowed origins, normalized once per cached site list instead of once per request.
const normalizedLists = new WeakMap<readonly string[], Set<string>>();
function normalizedSet(allowed: readonly string[]): Set<string> {
  let set = normalizedLists.get(allowed);
  if (!set) {
    set = new Set(allowed.map((o) => normalizeOrigin(o)).filter((o): o is string => o !== null));
    normalizedLists.set(allowed, set);
  }
  return set;
}

/**
 * `ownOrigins`: the app's origin(s); the built-in demo page is served from there (a function: worked
 * out only when needed). A browser sends the origin in its normal form, so a listed origin is found
 * as sent, without parsing it; anything else is normalized first.
 */
export function isOriginAllowed(
  origin: string | null,
  allowed: readonly string[],
  ownOrigins: string | readonly (string | null)[] | (() => readonly (string | null)[]),
): boolean {
  if (!origin) return false;
  const listed = normalizedSet(allowed);
  if (listed.has(origin)) return true;
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  const own = typeof ownOrigins === "function" ? ownOrigins() : ownOrigins;
  if (typeof own === "string" ? normalized === own : own.includes(normalized)) return true;
  return listed.has(normalized);
}

export function corsHeaders(origin: string): Record<string, string> {
  return withCorsHeaders({}, origin);
}

/** Adds the CORS headers for `origin` to `headers` (the caller's fresh object) and returns it. */
export function withCorsHeaders(headers: Record<string, string>, origin: string): Record<string, string> {
  headers["Access-Control-Allow-Origin"] = origin;
  headers["Access-Control-Allow-Methods"] = "POST, OPTIONS";
  headers["Access-Control-Allow-Headers"] = "Content-Type";
  headers["Access-Control-Max-Age"] = "600";
  headers.Vary = "Origin";
  return headers;
}
