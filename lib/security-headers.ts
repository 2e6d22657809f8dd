/**
 * Response headers for the dashboard and sign-in pages. Must never: let another site frame the
 * dashboard (clickjacking), run a script without this request's nonce, or leak one-time links
 * through the Referer header. The public snippet API, /tailor.js and /demo-site are not pages of
 * ours and keep their own headers (proxy.ts skips them).
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // React and Radix set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response gets (next.config.ts), including the public API and the snippet. */
export const baseSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** Only over https: browsers ignore HSTS on http, and localhost must stay reachable over http. */
export const HSTS = "max-age=31536000; includeSubDomains";
