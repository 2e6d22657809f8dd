import { offerFlow } from "@/lib/runtime/flows";
import type { FlowPrompt } from "@/lib/flows/prompt";
import { getLiveConfig } from "@/lib/publishing/versions";
import { ruleMatches, type EvaluationContext } from "@/lib/rules/evaluate";
import { renderContent } from "@/lib/rules/render-content";
import { contactForDecision, intercomContext, type DecisionContact } from "./contact";
import { knownSegments } from "./known-segments";
import { visitorWithSegments, type VisitorRow as DecisionVisitor } from "./visitors";
import { identityForRuntime } from "@/lib/identity/settings";
import { contactTrust } from "@/lib/identity/trust";
import { recordVariantsSeen } from "@/lib/runtime/behavior-variants";
import { armOf, HOLDOUT_ARM } from "@/lib/analytics/arms";
import { isInHoldout } from "@/lib/analytics/holdout";
import { activeGoals, clickGoals } from "@/lib/analytics/goals";

/**
 * `arm` is what the snippet reports back as the impression: "variant:<id>", "default" (no variant
 * matched) or "holdout" (a variant matched, but the visitor is in the control group: default content).
 */
export type PlacementDecision = { html: string; variant: string | null; arm: string };
export type Decision = {
  placements: Record<string, PlacementDecision>;
  identified: boolean;
  /** Present when Intercom data could not be used; the page shows what the rules allow without it. */
  fallback?: { reason: string };
  /** The flow step to show, when asked for (`offerFlows`) and a published flow applies. */
  flow?: FlowPrompt;
  /** Click goals: the snippet reports a click inside `selector` as `track(key)`. */
  goals?: { key: string; selector: string }[];
};

/**
 * The content each requested placement shows this visitor, from the published configuration only;
 * with `offerFlows`, also the flow step to show (the snippet asks when no flow widget is open).
 */
export async function decide(workspaceId: string, anonymousId: string, placementKeys: string[], options: { offerFlows?: boolean } = {}): Promise<Decision> {
  const [live, { visitor, segments }, goals] = await Promise.all([getLiveConfig(workspaceId), visitorWithSegments(workspaceId, anonymousId), activeGoals(workspaceId)]);
  const clicks = clickGoals(goals);
  const withGoals = clicks.length > 0 ? { goals: clicks } : {};
  const wanted = new Set(placementKeys);
  const personalizations = live.snapshot.personalizations.filter((p) => wanted.size === 0 || wanted.has(p.placementKey));
  const flows = options.offerFlows ? live.snapshot.flows.filter((f) => f.enabled && f.steps.length > 0) : [];
  const claimed = Boolean(visitor.email || visitor.intercomContactId);
  if (personalizations.length === 0 && flows.length === 0) {
    // Cheap answer without Intercom; an unverified claim under "required" still reads as anonymous.
    return { placements: {}, identified: claimed && (await contactForIdentifiedFlag(visitor)), ...withGoals };
  }

  const lookup: DecisionContact = await contactForDecision(visitor);
  const identified = lookup.identified;
  const context: EvaluationContext = {
    intercom: intercomContext(lookup),
    segments: await knownSegments(workspaceId, segments, lookup.contact, live.snapshot.mappings),
  };

  // Unverified identity: {{segment.*}} shows only the visitor's own answers, not what the contact's fields imply.
  const shown: EvaluationContext = lookup.hideFields ? { ...context, segments } : context;
  const placements: Record<string, PlacementDecision> = {};
  for (const p of personalizations) {
    const matched = p.variants.find((v) => ruleMatches(v.rule, context)) ?? null;
    const held = matched !== null && isInHoldout(workspaceId, p.placementKey, anonymousId, p.holdoutPercent);
    const variant = held ? null : matched;
    const template = variant ? variant.html : p.defaultHtml;
    placements[p.placementKey] = { html: renderContent(template, shown).html, variant: variant?.name ?? null, arm: held ? HOLDOUT_ARM : armOf(variant) };
  }
  await recordVariantsSeen(workspaceId, visitor.id, personalizations, placements);
  const flow = flows.length > 0 ? await offerFlow({ workspaceId, visitor, flows, contact: lookup.contact, hideFields: lookup.hideFields, segments: context.segments }) : null;
  return { placements, identified, ...(lookup.fallback ? { fallback: { reason: lookup.fallback } } : {}), ...(flow ? { flow } : {}), ...withGoals };
}

async function contactForIdentifiedFlag(visitor: DecisionVisitor): Promise<boolean> {
  const { policy } = await identityForRuntime(visitor.workspaceId);
  return contactTrust(policy, visitor.identifiedBy) !== "none";
}
