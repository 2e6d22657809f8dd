// What the Website settings page tells customers to paste. The values come from our own database
// and request headers, but the text is shown as code (never as HTML), and attribute values are
// escaped anyway so an odd host header can't break out of the quotes.

const ATTRIBUTE_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };
const attr = (value: string) => value.replace(/[&"<>]/g, (ch) => ATTRIBUTE_ESCAPES[ch] ?? ch);

const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:]+\](?::\d{1,5})?$/i;

/**
 * The app's public origin as the browser reached it: Host (or X-Forwarded-Host) plus
 * X-Forwarded-Proto. Without a proxy header, localhost is http and anything else https.
 */
export function appOriginFrom(headers: { get(name: string): string | null }): string | null {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  if (!host || !HOST.test(host)) return null;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const isLocal = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = forwarded === "http" || forwarded === "https" ? forwarded : isLocal ? "http" : "https";
  return `${proto}://${host}`;
}

export type SnippetParts = { install: string; placement: string; identify: string; flow: string };

/**
 * Where tailor.js is loaded from: the app, or the runtime servers' host when the site's API base is
 * `<host>/api/v1` (they serve tailor.js too, with long-lived caching and an ETag).
 */
export function snippetScriptOrigin(appOrigin: string, apiBase: string | null): string {
  return apiBase?.endsWith("/api/v1") ? apiBase.slice(0, -"/api/v1".length) : appOrigin;
}

/** `apiBase` (the site's API address, e.g. the runtime servers' host) becomes data-api; null: the snippet calls the host it came from. */
export function websiteSnippet({ origin, siteKey, hideMs, apiBase = null }: { origin: string; siteKey: string; hideMs: number; apiBase?: string | null }): SnippetParts {
  const api = apiBase ? ` data-api="${attr(apiBase)}"` : "";
  return {
    install: `<script async src="${attr(snippetScriptOrigin(origin, apiBase))}/tailor.js" data-site-key="${attr(siteKey)}"${api} data-hide-ms="${hideMs}"></script>`,
    placement: `<h1 data-tailor-placement="hero">Your default headline</h1>`,
    identify: [
      "<script>",
      "  // After sign-in, tell Tailor who the visitor is so Intercom-based rules apply.",
      "  // USER_HASH is HMAC-SHA256(identity secret, email), computed by your server:",
      "  // never put the identity secret in a page.",
      "  window.tailor = window.tailor || [];",
      '  tailor.push(["identify", { email: "ada@example.com", userHash: "USER_HASH" }]);',
      "  // Once loaded, the same call is:",
      '  // tailor.identify({ email: "ada@example.com", userHash: "USER_HASH" });',
      "</script>",
    ].join("\n"),
    flow: [
      "<!-- Optional: show the flow with key \"welcome\" here instead of in the bottom corner. -->",
      '<div data-tailor-flow="welcome"></div>',
    ].join("\n"),
  };
}
