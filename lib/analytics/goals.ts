// Goals: what counts as a conversion, per workspace. Live as soon as they are saved (no publish):
// a goal only measures, it never changes what visitors see. The runtime reads them through a
// per-process cache (5 s), dropped on every node by the invalidation bus after a change.
import { and, asc, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { GoalKind } from "@/db/schema/analytics-types";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { urlPatternMatches } from "@/lib/rules/url-pattern";
import { broadcastInvalidate, onInvalidate } from "@/lib/shared/bus";
import type { SaveGoal } from "./goal-schema";

export type Goal = { key: string; name: string; kind: GoalKind; target: string | null };
type Actor = { workspaceId: string; userId: string };

const TTL_MS = 5_000;
const cache = new Map<string, { at: number; goals: Goal[] }>();
onInvalidate("goals", (workspaceId) => (workspaceId === "*" ? cache.clear() : cache.delete(workspaceId)));

export async function listGoals(workspaceId: string): Promise<Goal[]> {
  const g = tables.goals;
  return getDb().select({ key: g.key, name: g.name, kind: g.kind, target: g.target }).from(g).where(eq(g.workspaceId, workspaceId)).orderBy(asc(g.createdAt), asc(g.key));
}

/** The runtime's view of the goals (cached per process). */
export async function activeGoals(workspaceId: string): Promise<Goal[]> {
  const cached = cachedActiveGoals(workspaceId);
  if (cached) return cached;
  const entry = { at: Date.now(), goals: await listGoals(workspaceId) };
  cache.set(workspaceId, entry);
  return entry.goals;
}

/** This process's fresh copy of the goals, read synchronously; undefined when activeGoals must load them. */
export function cachedActiveGoals(workspaceId: string): Goal[] | undefined {
  const entry = cache.get(workspaceId);
  return entry && Date.now() - entry.at <= TTL_MS ? entry.goals : undefined;
}

/** Creates a goal, or updates the one with this key. */
export async function saveGoal(actor: Actor, input: SaveGoal): Promise<Goal> {
  const g = tables.goals;
  const target = input.kind === "track" || input.target.trim() === "" ? null : input.target.trim();
  const values = { name: input.name, kind: input.kind, target };
  const [row] = await getDb()
    .insert(g)
    .values({ workspaceId: actor.workspaceId, key: input.key, ...values })
    .onConflictDoUpdate({ target: [g.workspaceId, g.key], set: values })
    .returning({ key: g.key, name: g.name, kind: g.kind, target: g.target });
  await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "goal.saved", target: input.key });
  await broadcastInvalidate("goals", actor.workspaceId);
  return row!;
}

export async function deleteGoal(actor: Actor, key: string): Promise<void> {
  const g = tables.goals;
  const p = tables.personalizations;
  const [user] = await getDb()
    .select({ name: p.name })
    .from(p)
    .where(and(eq(p.workspaceId, actor.workspaceId), eq(p.primaryGoal, key)))
    .limit(1);
  if (user) throw new RuleViolationError(`"${user.name}" measures this goal. Pick another primary goal there first.`);
  const deleted = await getDb().delete(g).where(and(eq(g.workspaceId, actor.workspaceId), eq(g.key, key))).returning({ key: g.key });
  if (deleted.length === 0) throw new NotFoundError("That goal does not exist in this workspace.");
  await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "goal.deleted", target: key });
  await broadcastInvalidate("goals", actor.workspaceId);
}

/** The goals a page view reaches. */
export function pageGoals(goals: readonly Goal[], path: string): string[] {
  return goals.filter((g) => g.kind === "page_visit" && g.target && urlPatternMatches(g.target, path)).map((g) => g.key);
}

/** A `Tailor.track(key)` call: a custom goal with that key, or a click goal the snippet saw clicked. */
export function trackGoals(goals: readonly Goal[], key: string): string[] {
  return goals.filter((g) => (g.kind === "track" || g.kind === "click") && g.key === key).map((g) => g.key);
}

/** A flow completed, or its call to action clicked; a goal without a flow key counts every flow. */
export function flowGoals(goals: readonly Goal[], kind: "flow_completed" | "flow_cta", flowKey: string): string[] {
  return goals.filter((g) => g.kind === kind && (!g.target || g.target === flowKey)).map((g) => g.key);
}

/** What the snippet listens for: click goals and their CSS selectors. */
export function clickGoals(goals: readonly Goal[]): { key: string; selector: string }[] {
  return goals.filter((g) => g.kind === "click" && g.target).map((g) => ({ key: g.key, selector: g.target! }));
}
