/**
 * The page a placement was seen on, as Tailor may store it: the path only (no scheme, host, query
 * or fragment), and path segments that could identify a person (emails, numbers, long ids and
 * tokens) replaced by ":id". Never store more of a visitor's URL than this.
 */
export const MAX_PATH_LENGTH = 200;
const MAX_SEGMENTS = 12;

export function placementPath(url: string | undefined): string {
  if (!url) return "/";
  let pathname: string;
  try {
    pathname = new URL(url, "http://site.invalid").pathname;
  } catch {
    return "/";
  }
  const segments = pathname.split("/").filter(Boolean).slice(0, MAX_SEGMENTS).map(sanitizeSegment);
  const path = `/${segments.join("/")}`;
  return path.length <= MAX_PATH_LENGTH ? path : `${path.slice(0, MAX_PATH_LENGTH - 1)}…`;
}

function sanitizeSegment(raw: string): string {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return ":id";
  }
  // Emails, anything with a digit run (order numbers, user ids, UUIDs, dates) and long opaque tokens.
  if (segment.includes("@") || /\d{3,}/.test(segment) || /[0-9a-f]{8,}/i.test(segment) || segment.length > 40) return ":id";
  if (!/^[\p{L}\p{N}._~+-]+$/u.test(segment)) return ":id";
  return encodeURIComponent(segment).replace(/%2B/g, "+");
}
