import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * public/tailor.js as the runtime server serves it: read and hashed once per process, answered
 * with an ETag (304 when the browser already has this version) and a day of caching. The URL has
 * no version in it, so browsers revalidate daily (and serve the cached copy meanwhile) rather than
 * keep an old snippet for a year.
 */
export const SNIPPET_CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=604800";

type Asset = { body: string; bytes: number; etag: string };
let asset: Asset | undefined;

function load(): Asset {
  if (!asset) {
    const body = readFileSync(path.join(process.cwd(), "public", "tailor.js"), "utf8");
    asset = { body, bytes: Buffer.byteLength(body), etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  }
  return asset;
}

/** Whether an If-None-Match header names this ETag (a list, weak validators and * included). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

export function snippetResponse(request: Request): Response {
  const { body, bytes, etag } = load();
  const headers = {
    "Cache-Control": SNIPPET_CACHE_CONTROL,
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: { ...headers, "Content-Type": "text/javascript; charset=utf-8", "Content-Length": String(bytes) },
  });
}
