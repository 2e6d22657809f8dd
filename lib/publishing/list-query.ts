import { z } from "zod";
import { stableStringify } from "./snapshot";

/**
 * Search, status filter and sort for the draft lists (personalizations, flows), read from the
 * URL's searchParams so a view is shareable and works without JavaScript. Anything unexpected in
 * the URL falls back to the default instead of failing the page.
 */
export const LIST_STATUSES = ["live", "draft", "off"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const listStatusLabels: Record<ListStatus, string> = { live: "Live", draft: "Draft changes", off: "Off" };

export const LIST_SORTS = ["name", "edited", "status"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const listSortLabels: Record<ListSort, string> = { name: "Name (A–Z)", edited: "Last edited", status: "Status" };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
export const listQuerySchema = z.object({
  q: z.preprocess(first, z.string().trim().max(100).catch("")).default(""),
  status: z.preprocess(first, z.enum(["all", ...LIST_STATUSES]).catch("all")).default("all"),
  sort: z.preprocess(first, z.enum(LIST_SORTS).catch("name")).default("name"),
});
export type ListQuery = z.output<typeof listQuerySchema>;

export function parseListQuery(searchParams: Record<string, string | string[] | undefined>): ListQuery {
  const parsed = listQuerySchema.safeParse(searchParams);
  return parsed.success ? parsed.data : { q: "", status: "all", sort: "name" };
}

export function isFiltered(query: ListQuery): boolean {
  return query.q !== "" || query.status !== "all";
}

/**
 * Where an item stands against the live version: live (visitors see it, nothing unpublished),
 * draft (unpublished changes), off (visitors see nothing: never published, or turned off).
 * `draft` and `live` are the comparable published shapes; `enabled` is false for a turned-off flow.
 */
export function listStatus<T>(draft: T & { enabled?: boolean }, live: (T & { enabled?: boolean }) | undefined): ListStatus {
  if (!live) return draft.enabled === false ? "off" : "draft";
  if (stableStringify(draft) !== stableStringify(live)) return "draft";
  return live.enabled === false ? "off" : "live";
}

type Listed = { name: string; key: string; status: ListStatus; updatedAt: Date };
const statusOrder: Record<ListStatus, number> = { draft: 0, live: 1, off: 2 };

export function applyListQuery<T extends Listed>(items: readonly T[], query: ListQuery): T[] {
  const needle = query.q.toLowerCase();
  const matching = items.filter(
    (i) => (query.status === "all" || i.status === query.status) && (!needle || i.name.toLowerCase().includes(needle) || i.key.toLowerCase().includes(needle)),
  );
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });
  const compare: Record<ListSort, (a: T, b: T) => number> = {
    name: byName,
    edited: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byName(a, b),
    status: (a, b) => statusOrder[a.status] - statusOrder[b.status] || byName(a, b),
  };
  return [...matching].sort(compare[query.sort]);
}
