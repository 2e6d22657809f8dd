/**
 * The app's public origin for links in emails. Never derived from the request's Host header: a
 * forged Host would otherwise send a victim's reset link to the attacker's domain.
 */
export function appUrl(path = "/"): string {
  const base = process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}
