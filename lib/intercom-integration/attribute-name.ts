// Names for Intercom custom attributes Tailor proposes. Intercom refuses `.`, `$` and
// ~`!@#%^&*'{}|\" (the same list as isValidAttributeName in lib/intercom/client.ts) and names
// are unique case-insensitively; we propose only [a-z0-9_] so a proposal is always valid.

export const ATTRIBUTE_NAME_FORBIDDEN = /[.$~`!@#%^&*'{}|\\"\u0000]/;
export const ATTRIBUTE_NAME_MAX = 64;
const PREFIX = "tailor_";

export function snakeCase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** "Company size" → "tailor_company_size"; "tailor_company_size_2" if that name is taken. */
export function proposeAttributeName(base: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const core = snakeCase(base) || "field";
  const stem = (core.startsWith(PREFIX) ? core : PREFIX + core).slice(0, ATTRIBUTE_NAME_MAX - 4).replace(/_+$/, "");
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
