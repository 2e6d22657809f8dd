/** An origin as the browser sends it (scheme://host[:port]), or null for anything that isn't an http(s) URL. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}
