import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { saveEventRules } from "@/lib/behavior/admin";
import { listBehaviorRules } from "@/lib/behavior/rules";
import { getAttributeCache, reloadAttributes } from "@/lib/intercom-integration/attributes";
import { createIntercomAttribute, listMappings, saveMappings } from "@/lib/intercom-integration/mappings";
import { publishDraft } from "@/lib/publishing/versions";

/** The demo's data events (README, "Demo"): Intercom event name per website behaviour. */
export const DEMO_EVENT_RULES = [
  { behavior: "flow_completed", match: "welcome", eventName: "completed-welcome-flow" },
  { behavior: "flow_dismissed", match: "welcome", eventName: "dismissed-welcome-flow" },
  { behavior: "flow_cta_clicked", match: "", eventName: "clicked-trial-cta" },
  { behavior: "page_visit", match: "/demo-site/pricing*", eventName: "viewed-pricing" },
  { behavior: "track", match: "signup_started", eventName: "started-signup" },
  { behavior: "variant_seen", match: "hero", eventName: "saw-hero-variant" },
] as const;

async function ownerOf(workspaceId: string) {
  const m = tables.memberships;
  const [owner] = await getDb().select({ userId: m.userId }).from(m).where(and(eq(m.workspaceId, workspaceId), eq(m.role, "owner"))).limit(1);
  return { workspaceId, userId: owner!.userId };
}

/**
 * The demo's behaviour write-back, in a workspace connected to Intercom (after seedDemoFlow): the
 * event rules above, and two behaviour fields mapped to contact fields of their own (created in
 * Intercom when missing): visit count → `visitsAttribute`, first-touch UTM source → `utmAttribute`.
 * Publishes. Does nothing if the workspace already has event rules.
 */
export async function seedDemoBehavior(
  workspaceSlug: string,
  { visitsAttribute = "tailor_visit_count", utmAttribute = "tailor_first_utm_source" }: { visitsAttribute?: string; utmAttribute?: string } = {},
): Promise<void> {
  const [workspace] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, workspaceSlug));
  if (!workspace) throw new Error(`no workspace ${workspaceSlug}`);
  const actor = await ownerOf(workspace.id);
  if ((await listBehaviorRules(workspace.id)).length > 0) return;
  await saveEventRules(actor, { rules: DEMO_EVENT_RULES.map((r) => ({ ...r, enabled: true })) });
  const known = new Set((await getAttributeCache(workspace.id)).attributes.map((a) => a.name));
  if (!known.has(visitsAttribute)) await createIntercomAttribute(actor, { name: visitsAttribute, dataType: "integer", description: "Visits to the website (Tailor)" });
  if (!known.has(utmAttribute)) await createIntercomAttribute(actor, { name: utmAttribute, dataType: "string", description: "First-touch UTM source (Tailor)" });
  await reloadAttributes(actor);
  const current = await listMappings(workspace.id);
  await saveMappings(actor, {
    mappings: [
      ...current.map((m) => ({ id: m.id, source: m.source, attribute: m.attribute, conversion: m.conversion, separator: m.separator, longStrings: m.longStrings, writePolicy: m.writePolicy, enabled: m.enabled })),
      { source: "behavior:visit_count", attribute: visitsAttribute, conversion: "count_value", separator: ",", writePolicy: "overwrite", enabled: true },
      { source: "behavior:first_utm_source", attribute: utmAttribute, conversion: "text_value", separator: ",", writePolicy: "only_if_empty", enabled: true },
    ],
  });
  await publishDraft(actor);
}
