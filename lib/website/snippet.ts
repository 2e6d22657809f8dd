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

export function websiteSnippet({ origin, siteKey, hideMs }: { origin: string; siteKey: string; hideMs: number }): SnippetParts {
  return {
    install: `<script async src="${attr(origin)}/tailor.js" data-site-key="${attr(siteKey)}" data-hide-ms="${hideMs}"></script>`,
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
