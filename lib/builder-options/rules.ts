import "server-only";
import { getIntercomCatalogue } from "@/lib/intercom-integration/catalogue";
import { STANDARD_ATTRIBUTES } from "@/lib/rules/attributes";
import type { CatalogueAttribute, IntercomCatalogue } from "@/lib/rules/references";
import { getSegmentsOverview } from "@/lib/segments/segments";

export type BuilderAttribute = CatalogueAttribute;
export type BuilderSegmentGroup = { key: string; name: string; segments: { key: string; name: string }[] };
export type RuleBuilderOptions = { attributes: BuilderAttribute[]; segmentGroups: BuilderSegmentGroup[]; catalogue: IntercomCatalogue };

const READ_ONLY_STANDARD = new Set(["id", "created_at", "updated_at"]);
const DATE_STANDARD = new Set(["created_at", "updated_at"]);

/**
 * What the rule and merge-tag editors offer: the standard fields, the custom attributes of the
 * Intercom attribute cache (archived ones flagged), the workspace's tags and segment groups. A name
 * Intercom doesn't have can still be typed; the editors flag it (lib/rules/references.ts).
 */
export async function getRuleBuilderOptions(workspaceId: string, editor?: { userId: string }): Promise<RuleBuilderOptions> {
  const [catalogue, segments] = await Promise.all([getIntercomCatalogue(workspaceId, editor), getSegmentsOverview(workspaceId)]);
  const standard: BuilderAttribute[] = STANDARD_ATTRIBUTES.map((name) => ({
    name,
    label: name,
    dataType: DATE_STANDARD.has(name) ? "date" : "string",
    custom: false,
    archived: false,
    writable: !READ_ONLY_STANDARD.has(name),
  }));
  const segmentGroups = segments.groups.map((g) => ({ key: g.key, name: g.name, segments: g.segments.map((s) => ({ key: s.key, name: s.name })) }));
  return { attributes: [...standard, ...(catalogue.attributes ?? [])], segmentGroups, catalogue };
}
