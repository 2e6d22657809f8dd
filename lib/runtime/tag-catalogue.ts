import type { ContactTag, IntercomContact, TailorIntercomClient } from "@/lib/intercom";
import { TwoLevelCache } from "@/lib/shared/two-level-cache";
import { env } from "@/lib/env";

// The workspace's tag names (GET /tags), shared by all nodes through the two-level cache and
// refreshed every TTL, or at once when a contact carries an id it doesn't know. With it, a contact
// read (or the search at identification) is enough: per-contact tag reads happen only when a
// contact has more tags than the contact object embeds (10).

type Catalogue = { tags: ContactTag[]; loadedAt: number };

const TTL_MS = env().TAILOR_TAG_CATALOGUE_TTL_SECONDS * 1000;
// An unknown id (a tag created since) refreshes the catalogue, at most this often per workspace, so a
// stream of contacts with a brand-new tag can't turn every read into a GET /tags.
const UNKNOWN_REFRESH_MS = 30_000;

const globalForTags = globalThis as unknown as { tailorTagCatalogue?: TwoLevelCache<Catalogue> };
const catalogues = (globalForTags.tailorTagCatalogue ??= new TwoLevelCache<Catalogue>({ name: "tags", max: 1_000, ttlMs: TTL_MS, localFreshMs: 10_000 }));

async function catalogue(workspaceId: string, client: TailorIntercomClient): Promise<Catalogue> {
  return catalogues.get(workspaceId, async () => ({ tags: await client.listTags(), loadedAt: Date.now() }));
}

function named(contact: IntercomContact, cat: Catalogue): ContactTag[] | null {
  const names = new Map(cat.tags.map((t) => [t.id, t.name]));
  const tags: ContactTag[] = [];
  for (const id of contact.tagIds) {
    const name = names.get(id);
    if (name === undefined) return null;
    tags.push({ id, name });
  }
  return tags;
}

/** The contact's tags with names, with as few Intercom reads as possible (usually none). */
export async function contactTags(workspaceId: string, client: TailorIntercomClient, contact: IntercomContact): Promise<ContactTag[]> {
  if (contact.tagCount === 0 && contact.tagIds.length === 0) return [];
  if (contact.hasMoreTags || contact.tagCount > contact.tagIds.length) return client.listContactTags(contact.id);
  let cat = await catalogue(workspaceId, client);
  let tags = named(contact, cat);
  if (!tags && Date.now() - cat.loadedAt > UNKNOWN_REFRESH_MS) {
    cat = { tags: await client.listTags(), loadedAt: Date.now() };
    await catalogues.set(workspaceId, cat);
    tags = named(contact, cat);
  }
  return tags ?? client.listContactTags(contact.id);
}
