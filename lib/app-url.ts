import { env } from "@/lib/env";

/**
 * The app's public origin for links in emails. Never derived from the request's Host header: a
 * forged Host would otherwise send a victim's reset link to the attacker's domain.
 */
export function appUrl(path = "/"): string {
  const settings = env();
  const base = settings.APP_URL ?? `http://localhost:${settings.PORT}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}
