import { offerFlow } from "@/lib/runtime/flows";
import type { FlowPrompt } from "@/lib/flows/prompt";
import { cachedLiveConfig, getLiveConfig } from "@/lib/publishing/versions";
import { ruleMatches, type EvaluationContext } from "@/lib/rules/evaluate";
import { renderContent } from "@/lib/rules/render-content";
import { cachedContactForDecision, contactForDecision, intercomContext, type DecisionContact } from "./contact";
import { cachedKnownSegments, knownSegments } from "./known-segments";
import { cachedVisitorWithSegments, visitorWithSegments, type VisitorRow as DecisionVisitor } from "./visitors";
import { cachedIdentityForRuntime, identityForRuntime } from "@/lib/identity/settings";
import { contactTrust } from "@/lib/identity/trust";
import { recordVariantsSeen } from "@/lib/runtime/behavior-variants";
import { armOf, HOLDOUT_ARM } from "@/lib/analytics/arms";
import { isInHoldout } from "@/lib/analytics/holdout";
import { activeGoals, cachedActiveGoals, clickGoals, type Goal } from "@/lib/analytics/goals";

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
  // A warm decision reads everything from this process's caches synchronously: each `await` of a
  // cached value would still build promises (allocation, then GC pauses under load).
  let live = cachedLiveConfig(workspaceId);
  let state = cachedVisitorWithSegments(workspaceId, anonymousId);
  let goals = cachedActiveGoals(workspaceId);
  if (!live || !state || !goals) {
    [live, state, goals] = await Promise.all([live ?? getLiveConfig(workspaceId), state ?? visitorWithSegments(workspaceId, anonymousId), goals ?? activeGoals(workspaceId)]);
  }
  const { visitor, segments } = state;
  const clicks = clickGoalsOf(goals);
  const all = live.snapshot.personalizations;
  const personalizations = placementKeys.length === 0 ? all : all.filter((p) => placementKeys.includes(p.placementKey));
  const flows = options.offerFlows ? live.snapshot.flows.filter((f) => f.enabled && f.steps.length > 0) : [];
  const claimed = Boolean(visitor.email || visitor.intercomContactId);
  if (personalizations.length === 0 && flows.length === 0) {
    // Cheap answer without Intercom; an unverified claim under "required" still reads as anonymous.
    const cheap: Decision = { placements: {}, identified: claimed && (await contactForIdentifiedFlag(visitor)) };
    if (clicks.length > 0) cheap.goals = clicks;
    return cheap;
  }

  const lookup: DecisionContact = cachedContactForDecision(visitor) ?? (await contactForDecision(visitor));
  const identified = lookup.identified;
  const mappings = live.snapshot.mappings;
  const context: EvaluationContext = {
    intercom: intercomContext(lookup),
    segments: cachedKnownSegments(workspaceId, segments, lookup.contact, mappings) ?? (await knownSegments(workspaceId, segments, lookup.contact, mappings)),
  };

  // Unverified identity: {{segment.*}} shows only the visitor's own answers, not what the contact's fields imply.
  const shown: EvaluationContext = lookup.hideFields ? { ...context, segments } : context;
  const placements: Record<string, PlacementDecision> = {};
  for (const p of personalizations) {
    let matched: (typeof p.variants)[number] | null = null;
    for (const v of p.variants) {
      if (ruleMatches(v.rule, context)) {
        matched = v;
        break;
      }
    }
    const held = matched !== null && isInHoldout(workspaceId, p.placementKey, anonymousId, p.holdoutPercent);
    const variant = held ? null : matched;
    const template = variant ? variant.html : p.defaultHtml;
    placements[p.placementKey] = { html: renderContent(template, shown).html, variant: variant?.name ?? null, arm: held ? HOLDOUT_ARM : armOf(variant) };
  }
  const recording = recordVariantsSeen(workspaceId, visitor.id, personalizations, placements);
  if (recording) await recording;
  const flow = flows.length > 0 ? await offerFlow({ workspaceId, visitor, flows, contact: lookup.contact, hideFields: lookup.hideFields, segments: context.segments }) : null;
  // Same keys in the same order as before (the JSON answer is unchanged), without spreads.
  const decision: Decision = { placements, identified };
  if (lookup.fallback) decision.fallback = { reason: lookup.fallback };
  if (flow) decision.flow = flow;
  if (clicks.length > 0) decision.goals = clicks;
  return decision;
}

// Click goals per cached goals list (a new list after each reload or change): worked out once, not per decision.
const clickGoalsByList = new WeakMap<readonly Goal[], { key: string; selector: string }[]>();
function clickGoalsOf(goals: readonly Goal[]): { key: string; selector: string }[] {
  let clicks = clickGoalsByList.get(goals);
  if (!clicks) clickGoalsByList.set(goals, (clicks = clickGoals(goals)));
  return clicks;
}

async function contactForIdentifiedFlag(visitor: DecisionVisitor): Promise<boolean> {
  const { policy } = cachedIdentityForRuntime(visitor.workspaceId) ?? (await identityForRuntime(visitor.workspaceId));
  return contactTrust(policy, visitor.identifiedBy) !== "none";
}
