import { normalizeOrigin } from "@/lib/website/origin";

/**
 * CORS for the snippet API: only a workspace's configured origins (and the app's own origin, for
 * the built-in demo page) get Access-Control-Allow-Origin. No cookies are ever accepted.
 */

export function isOriginAllowed(origin: string | null, allowed: readonly string[], ownOrigin: string): boolean {
  if (!origin) return false;
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  return normalized === ownOrigin || allowed.some((o) => normalizeOrigin(o) === normalized);
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
}
