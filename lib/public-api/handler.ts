import type { z } from "zod";
import { logError } from "@/lib/log";
import { cachedSiteByKey, findSiteByKey, type SiteView } from "@/lib/runtime/sites";
import { corsHeaders, isOriginAllowed, withCorsHeaders } from "./cors";
import { normalizeOrigin } from "@/lib/website/origin";
import { clientIp } from "@/lib/client-ip";
import { parseWith, PublicApiError, readJsonBody, requestOrigin, toPublicApiError } from "./http";
import { RateLimiter } from "./rate-limit";
import { redisClient } from "@/lib/shared/redis";
import { env } from "@/lib/env";

// Per minute, across all app nodes with Redis (else per process): each visitor (site + trusted client address + visitor id) gets
// TAILOR_PUBLIC_RATE_LIMIT, and each client address a ceiling of TAILOR_PUBLIC_CLIENT_RATE_LIMIT over
// all its visitor ids. A noisy client exhausts only its own buckets; real visitors keep theirs.
const visitorLimiter = new RateLimiter({ limit: env().TAILOR_PUBLIC_RATE_LIMIT, windowMs: 60_000, redis: redisClient(), keyPrefix: "public-rl-visitor" });
const clientLimiter = new RateLimiter({ limit: env().TAILOR_PUBLIC_CLIENT_RATE_LIMIT, windowMs: 60_000, redis: redisClient(), keyPrefix: "public-rl-client" });

/** The limiter keys of a request; the client is the trusted address (lib/client-ip.ts), never a raw header. */
export function rateLimitKeys(siteKey: string, client: string | null, visitorId: unknown): { client: string; visitor: string } {
  const clientKey = `${siteKey}|${client ?? "unknown"}`;
  const visitor = typeof visitorId === "string" ? visitorId.slice(0, 64) : "";
  return { client: clientKey, visitor: `${clientKey}|${visitor}` };
}

// The app's own pages (the built-in demo site) may call whichever mount serves the API: the origin
// the request reached (the app, when Next serves it) and APP_URL's (the app, seen from the runtime server).
const appUrl = env().APP_URL;
const appOrigin = appUrl ? normalizeOrigin(appUrl) : null;

// Serialized once, with plain-object headers: no Headers instance to build and convert back
// (the runtime server's adapter writes plain objects straight to the socket). A fresh object per
// response (the adapter adds Content-Length to it), built in one literal when no other header is needed.
function json(body: unknown, status: number, headers?: Record<string, string>) {
  const all = headers ? { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } : { "Content-Type": "application/json", "Cache-Control": "no-store" };
  return new Response(JSON.stringify(body), { status, headers: all });
}

// A successful answer: JSON headers and, for a cross-origin call, CORS headers, in one object.
function jsonOk(body: unknown, origin: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  return new Response(JSON.stringify(body), { status: 200, headers: origin ? withCorsHeaders(headers, origin) : headers });
}

/**
 * A snippet endpoint: bounded JSON body → known site key → allowed origin → rate limit → zod →
 * `run`. Every refusal is a 4xx JSON error and happens before anything is stored.
 */
export function publicEndpoint<S extends z.ZodType>(
  schema: S,
  run: (input: z.output<S>, site: SiteView) => Promise<unknown>,
  /** The schema's answer for the common request without zod's machinery, or undefined: zod decides (schema.ts). */
  fastParse?: (body: unknown) => z.output<S> | undefined,
) {
  async function POST(request: Request): Promise<Response> {
    const origin = request.headers.get("origin");
    // The origin that passed the check: its CORS headers go on the answer, success or refusal.
    let corsOrigin: string | null = null;
    try {
      const body = await readJsonBody(request);
      const siteKey = typeof (body as { siteKey?: unknown })?.siteKey === "string" ? (body as { siteKey: string }).siteKey : null;
      if (!siteKey) throw new PublicApiError(400, "invalid_request", "siteKey is required.", { siteKey: "Required." });
      // A cached site is read without awaiting (no promise per request); else one query.
      const cachedSite = cachedSiteByKey(siteKey);
      const site = cachedSite ? cachedSite.site : await findSiteByKey(siteKey);
      if (!site) throw new PublicApiError(404, "unknown_site", "No site has this site key. Copy the snippet again from Settings → Website.");
      if (origin) {
        if (!isOriginAllowed(origin, site.allowedOrigins, () => [requestOrigin(request), appOrigin])) {
          throw new PublicApiError(403, "origin_not_allowed", `${origin} is not an allowed origin for this site. Add it in Settings → Website.`);
        }
        corsOrigin = origin;
      }
      const keys = rateLimitKeys(site.siteKey, clientIp(request), (body as { visitorId?: unknown }).visitorId);
      // Counted in this process (no Redis): answered without a promise.
      const ceiling = clientLimiter.hitNow(keys.client) ?? (await clientLimiter.hit(keys.client));
      const limited = ceiling.ok ? (visitorLimiter.hitNow(keys.visitor) ?? (await visitorLimiter.hit(keys.visitor))) : ceiling;
      if (!limited.ok) {
        throw new PublicApiError(429, "rate_limited", "Too many requests; slow down.", undefined, { "Retry-After": String(limited.retryAfterSeconds) });
      }
      const input = fastParse?.(body) ?? parseWith(schema, body);
      return jsonOk(await run(input, site), corsOrigin);
    } catch (error) {
      const cors = corsOrigin ? corsHeaders(corsOrigin) : undefined;
      const refusal = toPublicApiError(error);
      if (refusal) {
        return json({ error: { code: refusal.code, message: refusal.message, ...(refusal.fields ? { fields: refusal.fields } : {}) } }, refusal.status, { ...cors, ...refusal.headers });
      }
      const ref = crypto.randomUUID().slice(0, 8);
      logError("public api failed", error, { ref, path: new URL(request.url).pathname });
      return json({ error: { code: "internal", message: `Something went wrong (ref ${ref}).` } }, 500, cors);
    }
  }

  // Preflight: the site key is in the body, so the origin is checked on the POST itself; a
  // refused POST gets no Access-Control-Allow-Origin and stores nothing.
  async function OPTIONS(request: Request): Promise<Response> {
    const origin = request.headers.get("origin");
    return new Response(null, { status: 204, headers: origin ? corsHeaders(origin) : {} });
  }

  return { POST, OPTIONS };
}
