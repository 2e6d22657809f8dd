import type { IntercomCatalogue } from "@/lib/rules/references";
import { ensureAttributesLoaded, getAttributeCache } from "./attributes";
import { withIntercom } from "./connection";
import { tagCatalogue } from "./tag-catalogue";

/**
 * The workspace's Intercom tags and data attributes, for the editors and the publish check: the
 * attribute cache (reloaded on the mapping screen and by the scheduled refresh) and the shared tag
 * catalogue. A part that can't be known (not connected, never loaded, Intercom unreachable) is null,
 * so nothing is flagged by mistake. A page waits at most a few seconds for the tags. With `loadAs`
 * (the signed-in member, for an editor), a connected workspace that never loaded its attributes
 * loads them now, as the mapping screen does on its first visit.
 */
export async function getIntercomCatalogue(workspaceId: string, loadAs?: { userId: string }): Promise<IntercomCatalogue> {
  const [cache, tags] = await Promise.all([
    loadAs ? ensureAttributesLoaded({ workspaceId, userId: loadAs.userId }) : getAttributeCache(workspaceId),
    withIntercom(workspaceId, async (client) => (await tagCatalogue(workspaceId, client)).tags.map((t) => t.name), { timeoutMs: 3_000, maxRetries: 0 }).catch(
      () => null,
    ),
  ]);
  const attributes =
    cache.loadedAt === null
      ? null
      : cache.attributes
          .filter((a) => a.custom && !a.removed)
          .map((a) => ({ name: a.name, label: a.label, dataType: a.dataType, custom: true, archived: a.archived, writable: a.apiWritable }));
  return { tags: tags === null ? null : [...new Set(tags)].sort((a, b) => a.localeCompare(b)), attributes };
}
