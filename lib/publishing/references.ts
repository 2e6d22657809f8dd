import { flowReferenceLines } from "@/lib/flows/references";
import { getIntercomCatalogue } from "@/lib/intercom-integration/catalogue";
import { personalizationReferenceLines } from "@/lib/personalizations/references";
import type { ReferenceLine } from "@/lib/rules/references";
import { buildDraftSnapshot } from "./snapshot";

export type DraftReferences = {
  /** False when Intercom's tags and attributes aren't known (not connected, never loaded): nothing could be checked. */
  checked: boolean;
  lines: ReferenceLine[];
};

/** For the publish dialog: every reference in the whole draft to a tag or attribute the workspace's Intercom doesn't have. */
export async function draftReferences(workspaceId: string): Promise<DraftReferences> {
  const [draft, catalogue] = await Promise.all([buildDraftSnapshot(workspaceId), getIntercomCatalogue(workspaceId)]);
  return {
    checked: catalogue.tags !== null || catalogue.attributes !== null,
    lines: [...personalizationReferenceLines(draft.personalizations, catalogue), ...flowReferenceLines(draft.flows, catalogue)],
  };
}
