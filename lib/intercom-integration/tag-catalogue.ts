import type { ContactTag, TailorIntercomClient } from "@/lib/intercom";
import { TwoLevelCache } from "@/lib/shared/two-level-cache";
import { env } from "@/lib/env";

// The workspace's tag names (GET /tags), shared by all nodes through the two-level cache and
// refreshed every TTL. The website runtime names a contact's tags with it
// (lib/runtime/tag-catalogue.ts); the editors offer and check tags against it.

export type TagCatalogue = { tags: ContactTag[]; loadedAt: number };

const TTL_MS = env().TAILOR_TAG_CATALOGUE_TTL_SECONDS * 1000;

const globalForTags = globalThis as unknown as { tailorTagCatalogue?: TwoLevelCache<TagCatalogue> };
const catalogues = (globalForTags.tailorTagCatalogue ??= new TwoLevelCache<TagCatalogue>({ name: "tags", max: 1_000, ttlMs: TTL_MS, localFreshMs: 10_000 }));

/** The cached catalogue, read from Intercom when no node has it. */
export async function tagCatalogue(workspaceId: string, client: TailorIntercomClient): Promise<TagCatalogue> {
  return catalogues.get(workspaceId, async () => ({ tags: await client.listTags(), loadedAt: Date.now() }));
}

/** Reads the tags from Intercom now and shares them. */
export async function reloadTagCatalogue(workspaceId: string, client: TailorIntercomClient): Promise<TagCatalogue> {
  const fresh = { tags: await client.listTags(), loadedAt: Date.now() };
  await catalogues.set(workspaceId, fresh);
  return fresh;
}
