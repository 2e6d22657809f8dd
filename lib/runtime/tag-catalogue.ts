import type { ContactTag, IntercomContact, TailorIntercomClient } from "@/lib/intercom";
import { reloadTagCatalogue, tagCatalogue, type TagCatalogue as Catalogue } from "@/lib/intercom-integration/tag-catalogue";

// A contact's tag names from the workspace's tag catalogue (lib/intercom-integration/tag-catalogue.ts),
// refreshed at once when a contact carries an id it doesn't know. With it, a contact read (or the
// search at identification) is enough: per-contact tag reads happen only when a contact has more
// tags than the contact object embeds (10).

// An unknown id (a tag created since) refreshes the catalogue, at most this often per workspace, so a
// stream of contacts with a brand-new tag can't turn every read into a GET /tags.
const UNKNOWN_REFRESH_MS = 30_000;

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
  let cat = await tagCatalogue(workspaceId, client);
  let tags = named(contact, cat);
  if (!tags && Date.now() - cat.loadedAt > UNKNOWN_REFRESH_MS) {
    cat = await reloadTagCatalogue(workspaceId, client);
    tags = named(contact, cat);
  }
  return tags ?? client.listContactTags(contact.id);
}
