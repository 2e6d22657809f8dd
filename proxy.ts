import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS } from "@/lib/security-headers";

// Runs for every page (see `matcher`). Two jobs: security headers with a per-request CSP nonce
// (Next reads it from the request's Content-Security-Policy header and puts it on its scripts),
// and an optimistic redirect to sign-in when there is no session cookie. Every page and action
// still checks the session and capability itself (lib/auth/guard.ts).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// Signed-out pages. Everything else needs a session, so a new dashboard page cannot be forgotten.
const PUBLIC_PATHS = ["/sign-in", "/forgot-password", "/reset-password", "/invite"];

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const https = isHttps(request);

  let response: NextResponse;
  if (!isPublic && !hasSession) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    response = NextResponse.redirect(url);
  } else {
    const nonce = btoa(crypto.randomUUID());
    const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", csp);
  }
  response.headers.set("X-Frame-Options", "DENY");
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Not: Next's static files, the public snippet API (/api/v1), next-auth and health routes,
  // the snippet itself and the fake customer site.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/|tailor\\.js|demo-site).*)"],
};
