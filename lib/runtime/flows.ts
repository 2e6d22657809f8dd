import { and, asc, eq, inArray } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb, tables } from "@/db/client";
import type { FlowEventKind } from "@/db/schema/flow-types";
import type { MappingSnapshot } from "@/lib/publishing/snapshot";
import { getLiveConfig } from "@/lib/publishing/versions";
import { ruleMatches, type EvaluationContext, type RuleContact } from "@/lib/rules/evaluate";
import { broadcastInvalidate, onInvalidate } from "@/lib/shared/bus";
import { SeenOnce } from "@/lib/shared/seen-once";
import { TwoLevelCache } from "@/lib/shared/two-level-cache";
import { nextStepId, renderStep, resolveStep, type QuestionFacts } from "@/lib/flows/engine";
import type { FlowAction, FlowPrompt } from "@/lib/flows/prompt";
import type { FlowDraft, FlowStep } from "@/lib/flows/schema";
import { recordAnswer } from "./answers";
import { contactForDecision, intercomContext } from "./contact";
import { VisitorRequestError } from "./errors";
import { knownSegments } from "./known-segments";
import { touchVisitor, visitorWithSegments, type VisitorRow } from "./visitors";
import { recordBehavior } from "@/lib/runtime/behavior-record";
import { activeGoals, flowGoals } from "@/lib/analytics/goals";
import { recordConversions } from "@/lib/runtime/analytics-record";

// Flows at request time: which flow (and step) a visitor is offered on a page view, and what
// happens when they answer, continue, click or close. Everything is evaluated on the server, so
// rules and Intercom data never reach the browser; every step shown or passed is recorded for
// analytics (flow_events).

type WorkspaceFacts = { questions: Map<string, QuestionFacts> };

// Questions change rarely and are read on every flow request: a few seconds per process.
const factsCache = new LRUCache<string, WorkspaceFacts>({ max: 1_000, ttl: 5_000 });

/** The workspace's questions as flows show them (key → text, group, answers), cached a few seconds. */
export async function workspaceFacts(workspaceId: string): Promise<WorkspaceFacts> {
  const hit = factsCache.get(workspaceId);
  if (hit) return hit;
  const { questions, questionAnswers, segments, segmentGroups } = tables;
  const db = getDb();
  const [qs, answers] = await Promise.all([
    db
      .select({ id: questions.id, key: questions.key, text: questions.text, groupKey: segmentGroups.key, selection: segmentGroups.selection })
      .from(questions)
      .innerJoin(segmentGroups, eq(segmentGroups.id, questions.groupId))
      .where(eq(questions.workspaceId, workspaceId)),
    db
      .select({ questionId: questionAnswers.questionId, label: questionAnswers.label, key: segments.key })
      .from(questionAnswers)
      .innerJoin(segments, eq(segments.id, questionAnswers.segmentId))
      .where(eq(questionAnswers.workspaceId, workspaceId))
      .orderBy(asc(questionAnswers.position)),
  ]);
  const facts: WorkspaceFacts = {
    questions: new Map(
      qs.map((q) => [
        q.key,
        { key: q.key, text: q.text, groupKey: q.groupKey, selection: q.selection, answers: answers.filter((a) => a.questionId === q.id).map(({ key, label }) => ({ key, label })) },
      ]),
    ),
  };
  factsCache.set(workspaceId, facts);
  return facts;
}

/** Rules see the visitor's answers first, then what the contact's mapped Intercom fields say. */
async function contextFor(
  workspaceId: string,
  lookup: { contact: RuleContact | null; hideFields: boolean },
  answered: Record<string, string[]>,
  mappings: readonly MappingSnapshot[],
): Promise<EvaluationContext> {
  const { contact } = lookup;
  return {
    intercom: intercomContext(lookup),
    segments: await knownSegments(workspaceId, answered, contact, mappings),
  };
}

type Event = { stepId: string; kind: FlowEventKind; answers?: string[] };

// Analytics count distinct visitors, so a step shown (or skipped) again to the same visitor on the
// next page view adds nothing: remember recent ones (per process, and across nodes with Redis) and
// skip the write.
const recentlySeen = new SeenOnce({ name: "flow-seen", ttlMs: 10 * 60_000, max: 100_000 });
const REPEATABLE: FlowEventKind[] = ["view", "skip"];
const CLOSING: FlowEventKind[] = ["complete", "dismiss"];

// Which flows a visitor finished or closed, read on every offer: cached per visitor until one of
// their flows closes (that write forgets it on every node), with a minute's expiry as the safety net.
const globalForFlows = globalThis as unknown as { tailorClosedFlows?: TwoLevelCache<string[]> };
const closedCache = (globalForFlows.tailorClosedFlows ??= new TwoLevelCache<string[]>({ name: "flow-closed", max: 50_000, ttlMs: 60_000, localFreshMs: 1_000 }));
onInvalidate("flow-closed", (key) => (key === "*" ? closedCache.clearLocal() : closedCache.forgetLocal(key)));

// Flow behaviours that can become Intercom data events (lib/behavior rules).
const BEHAVIOR_OF: Partial<Record<FlowEventKind, "flow_completed" | "flow_dismissed" | "flow_cta_clicked">> = {
  complete: "flow_completed",
  dismiss: "flow_dismissed",
  cta: "flow_cta_clicked",
};

async function recordEvents(workspaceId: string, visitorId: string, flow: Pick<FlowDraft, "key" | "name" | "steps">, all: Event[]): Promise<void> {
  const flowKey = flow.key;
  const events: Event[] = [];
  for (const e of all) {
    if (!REPEATABLE.includes(e.kind) || (await recentlySeen.first(`${visitorId}:${flowKey}:${e.stepId}:${e.kind}`))) events.push(e);
  }
  if (events.length === 0) return;
  const now = Date.now();
  // Distinct timestamps keep the order readable when several events happen in one request.
  const rows = await getDb()
    .insert(tables.flowEvents)
    .values(events.map((e, i) => ({ workspaceId, visitorId, flowKey, stepId: e.stepId, kind: e.kind, answers: e.answers ?? null, createdAt: new Date(now + i) })))
    .returning({ id: tables.flowEvents.id, kind: tables.flowEvents.kind, stepId: tables.flowEvents.stepId, createdAt: tables.flowEvents.createdAt });
  for (const row of rows) {
    const behavior = BEHAVIOR_OF[row.kind];
    if (!behavior) continue;
    if (row.kind === "complete" || row.kind === "cta") {
      const goals = flowGoals(await activeGoals(workspaceId), row.kind === "complete" ? "flow_completed" : "flow_cta", flowKey);
      await recordConversions(workspaceId, visitorId, goals, row.createdAt);
    }
    const step = flow.steps.find((s) => s.id === row.stepId);
    await recordBehavior(workspaceId, visitorId, {
      behavior,
      subject: flowKey,
      key: `flow:${row.id}`,
      at: row.createdAt,
      metadata: [
        ["flow", flow.name],
        ["flow_key", flowKey],
        ["step", step && "title" in step && step.title ? step.title : row.stepId],
        ...(step?.type === "cta" ? ([["cta_label", step.buttonLabel], ["cta_url", step.url]] as [string, unknown][]) : []),
      ],
    });
  }
  if (events.some((e) => CLOSING.includes(e.kind))) {
    await closedCache.invalidate(visitorId);
    await broadcastInvalidate("flow-closed", visitorId);
  }
}

/** Flows this visitor finished or closed: never offered again. */
async function closedFlows(visitorId: string, keys: string[]): Promise<Set<string>> {
  const e = tables.flowEvents;
  const closed = await closedCache.get(visitorId, async () => {
    const rows = await getDb()
      .selectDistinct({ flowKey: e.flowKey })
      .from(e)
      .where(and(eq(e.visitorId, visitorId), inArray(e.kind, CLOSING)));
    return rows.map((r) => r.flowKey);
  });
  return new Set(closed.filter((k) => keys.includes(k)));
}

/**
 * Shows `resolution` to the visitor: records what was skipped, then either the step's view (and,
 * for an end step, completion) or completion when nothing is left. `from` is where the flow ends
 * when no step remains.
 */
async function present(
  workspaceId: string,
  visitor: VisitorRow,
  flow: FlowDraft,
  resolution: { step: FlowStep | null; skipped: string[] },
  from: string,
  context: EvaluationContext,
  facts: WorkspaceFacts,
): Promise<FlowPrompt | null> {
  const events: Event[] = resolution.skipped.map((stepId) => ({ stepId, kind: "skip" }));
  const view = resolution.step ? renderStep(resolution.step, context, facts.questions) : null;
  if (!resolution.step || !view) events.push({ stepId: resolution.skipped.at(-1) ?? from, kind: "complete" });
  else {
    events.push({ stepId: view.id, kind: "view" });
    if (view.type === "end") events.push({ stepId: view.id, kind: "complete" });
  }
  await recordEvents(workspaceId, visitor.id, flow, events);
  return view ? { key: flow.key, name: flow.name, step: view } : null;
}

export type OfferInput = {
  workspaceId: string;
  visitor: VisitorRow;
  /** Enabled published flows, in order. */
  flows: FlowDraft[];
  contact: RuleContact | null;
  /** Unverified identity: rules may use the contact, merge tags in bodies may not show it. */
  hideFields?: boolean;
  /** What rules see: answers, then segments inferred from the contact (knownSegments). */
  segments: Record<string, string[]>;
};

/**
 * The first flow whose audience matches and that the visitor hasn't finished or closed, at its
 * first step worth showing. A flow with nothing left to ask (every question already known, straight
 * to its end) is completed silently rather than shown as a lone "Thanks!".
 */
export async function offerFlow(input: OfferInput): Promise<FlowPrompt | null> {
  const { workspaceId, visitor, flows } = input;
  const closed = await closedFlows(visitor.id, flows.map((f) => f.key));
  const open = flows.filter((f) => !closed.has(f.key));
  if (open.length === 0) return null;
  const facts = await workspaceFacts(workspaceId);
  const context: EvaluationContext = { intercom: intercomContext({ contact: input.contact, hideFields: input.hideFields }), segments: input.segments };
  for (const flow of open) {
    if (!ruleMatches(flow.audience, context)) continue;
    const first = flow.steps[0]!;
    const resolution = resolveStep(flow, first.id, context, facts.questions);
    if (resolution.step?.type === "end") resolution.step = null;
    const prompt = await present(workspaceId, visitor, flow, resolution, first.id, context, facts);
    if (prompt) return prompt;
  }
  return null;
}

export type FlowStepInput = { flow: string; step: string; action: FlowAction; answers?: string[] };

const ACTIONS_BY_TYPE: Record<FlowStep["type"], readonly FlowAction[]> = {
  question: ["answer", "dismiss"],
  message: ["continue", "dismiss"],
  cta: ["continue", "cta", "dismiss"],
  end: ["dismiss"],
};

/** The visitor acted on a step: record it (an answer becomes segments and Intercom writes), then the next step. */
export async function advanceFlow(workspaceId: string, anonymousId: string, input: FlowStepInput): Promise<{ flow: FlowPrompt | null }> {
  const live = await getLiveConfig(workspaceId);
  const flow = live.snapshot.flows.find((f) => f.key === input.flow && f.enabled);
  if (!flow) throw new VisitorRequestError("not_found", "unknown_flow", `No published flow has the key "${input.flow}".`);
  const step = flow.steps.find((s) => s.id === input.step);
  if (!step) throw new VisitorRequestError("stale", "unknown_step", "This flow changed since it was shown. Reload the page to see the new version.");
  if (!ACTIONS_BY_TYPE[step.type].includes(input.action)) {
    throw new VisitorRequestError("invalid", "invalid_action", `A ${step.type} step takes ${ACTIONS_BY_TYPE[step.type].join(" or ")}, not ${input.action}.`);
  }

  // Validates the answer keys; the answer becomes the visitor's segment and is queued for Intercom.
  const recorded =
    input.action === "answer" && step.type === "question" ? await recordAnswer(workspaceId, anonymousId, step.questionKey, input.answers ?? []) : null;
  const visitor = await touchVisitor(workspaceId, anonymousId);
  const kind: FlowEventKind = input.action;
  if (input.action === "dismiss" || step.type === "end") {
    await recordEvents(workspaceId, visitor.id, flow, [{ stepId: step.id, kind }]);
    return { flow: null };
  }
  await recordEvents(workspaceId, visitor.id, flow, [{ stepId: step.id, kind, ...(recorded ? { answers: recorded.segments } : {}) }]);

  const [{ segments }, facts] = await Promise.all([visitorWithSegments(workspaceId, anonymousId), workspaceFacts(workspaceId)]);
  const context = await contextFor(workspaceId, await contactForDecision(visitor), segments, live.snapshot.mappings);
  const resolution = resolveStep(flow, nextStepId(step, context), context, facts.questions);
  return { flow: await present(workspaceId, visitor, flow, resolution, step.id, context, facts) };
}

/** Tests and the segments editor: forget cached questions so a change shows at once in this process. */
export function forgetFlowFacts(workspaceId: string): void {
  factsCache.delete(workspaceId);
}
