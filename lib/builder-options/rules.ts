import "server-only";
import { getAttributeCache } from "@/lib/intercom-integration/attributes";
import { CUSTOM_ATTRIBUTE_PREFIX, STANDARD_ATTRIBUTES } from "@/lib/rules/attributes";
import { getSegmentsOverview } from "@/lib/segments/segments";

export type BuilderAttribute = { name: string; label: string; dataType: string; custom: boolean };
export type BuilderSegmentGroup = { key: string; name: string; segments: { key: string; name: string }[] };

/**
 * What the rule builder suggests: the standard fields rules understand, the custom attributes from
 * the Intercom attribute cache (loaded on the mapping screen), and the workspace's segment groups.
 * Attributes not in the cache can still be typed as custom.<name>.
 */
export async function getRuleBuilderOptions(workspaceId: string): Promise<{ attributes: BuilderAttribute[]; segmentGroups: BuilderSegmentGroup[] }> {
  const [cache, segments] = await Promise.all([getAttributeCache(workspaceId), getSegmentsOverview(workspaceId)]);
  const standard: BuilderAttribute[] = STANDARD_ATTRIBUTES.map((name) => ({ name, label: name, dataType: "string", custom: false }));
  const custom: BuilderAttribute[] = cache.attributes
    .filter((a) => a.custom && !a.archived && !a.removed)
    .map((a) => ({ name: `${CUSTOM_ATTRIBUTE_PREFIX}${a.name}`, label: a.label, dataType: a.dataType, custom: true }));
  const segmentGroups = segments.groups.map((g) => ({ key: g.key, name: g.name, segments: g.segments.map((s) => ({ key: s.key, name: s.name })) }));
  return { attributes: [...standard, ...custom], segmentGroups };
}
