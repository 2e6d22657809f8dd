import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: sends visitors without a session cookie to sign-in. Every page and action
// still checks the session and capability itself (lib/auth/guard.ts).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/", "/overview/:path*", "/settings/:path*", "/integrations/:path*", "/segments/:path*", "/debug/:path*", "/personalizations/:path*"],
};
