/**
 * A URL pattern matches a page's path: `*` stands for any characters, anything else is literal and
 * case-insensitive; "/pricing" matches "/pricing" and "/pricing/" only, "/pricing*" also "/pricing/teams".
 */
export function urlPatternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .trim()
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}/?$`, "i").test(path);
}
