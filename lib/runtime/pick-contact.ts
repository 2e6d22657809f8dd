import type { IntercomContact } from "@/lib/intercom";

export type ContactChoice = { contact: IntercomContact; reason: string };

/**
 * One email can match several Intercom contacts (a user and leads). Prefer a user over a lead,
 * then the most recently updated; the reason is stored with the link so support can see why.
 */
export function pickContact(matches: IntercomContact[]): ContactChoice | null {
  if (matches.length === 0) return null;
  if (matches.length === 1) return { contact: matches[0]!, reason: "only match" };
  const users = matches.filter((c) => c.role === "user");
  const pool = users.length > 0 ? users : matches;
  const sorted = [...pool].sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0) || a.id.localeCompare(b.id));
  const chosen = sorted[0]!;
  const kind = users.length > 0 ? (users.length === 1 ? "the only user" : "most recently updated user") : "most recently updated lead";
  return { contact: chosen, reason: `${matches.length} matches (${users.length} user, ${matches.length - users.length} lead): chose ${kind}` };
}
