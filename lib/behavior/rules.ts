// Which website behaviours become Intercom data events: the workspace's rules, cached per process
// for 5 seconds like the other runtime caches. A change in the dashboard drops every node's copy at
// once through the invalidation bus (lib/shared/bus.ts); the expiry stays the safety net.
import { and, asc, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { Behavior } from "@/db/schema/behavior-types";
import { broadcastInvalidate, onInvalidate } from "@/lib/shared/bus";
import { urlPatternMatches } from "@/lib/rules/url-pattern";

export { urlPatternMatches };

export type BehaviorRule = { id: string; behavior: Behavior; match: string | null; eventName: string; enabled: boolean };

const TTL_MS = 5_000;
const cache = new Map<string, { at: number; rules: BehaviorRule[] }>();
onInvalidate("behavior-rules", (workspaceId) => (workspaceId === "*" ? cache.clear() : cache.delete(workspaceId)));

export async function listBehaviorRules(workspaceId: string): Promise<BehaviorRule[]> {
  const r = tables.behaviorEventRules;
  return getDb()
    .select({ id: r.id, behavior: r.behavior, match: r.match, eventName: r.eventName, enabled: r.enabled })
    .from(r)
    .where(eq(r.workspaceId, workspaceId))
    .orderBy(asc(r.createdAt), asc(r.id));
}

/** Whether an enabled rule reacts to `behavior`, from this process's fresh copy (no array built); undefined when enabledRules must load. */
export function cachedHasEnabledRule(workspaceId: string, behavior: Behavior): boolean | undefined {
  const entry = cache.get(workspaceId);
  if (!entry || Date.now() - entry.at > TTL_MS) return undefined;
  for (const rule of entry.rules) if (rule.behavior === behavior) return true;
  return false;
}

export async function enabledRules(workspaceId: string, behavior: Behavior): Promise<BehaviorRule[]> {
  let entry = cache.get(workspaceId);
  if (!entry || Date.now() - entry.at > TTL_MS) {
    const r = tables.behaviorEventRules;
    const rules = await getDb()
      .select({ id: r.id, behavior: r.behavior, match: r.match, eventName: r.eventName, enabled: r.enabled })
      .from(r)
      .where(and(eq(r.workspaceId, workspaceId), eq(r.enabled, true)));
    entry = { at: Date.now(), rules };
    cache.set(workspaceId, entry);
  }
  return entry.rules.filter((rule) => rule.behavior === behavior);
}

/** After a change: drops the workspace's rules here at once and tells the other nodes. Never throws. */
export async function forgetBehaviorRules(workspaceId: string): Promise<void> {
  await broadcastInvalidate("behavior-rules", workspaceId);
}


/** Whether a rule's match applies to this behaviour's subject (URL path, track key, flow key, placement key). */
export function ruleMatches(rule: BehaviorRule, subject: string): boolean {
  if (rule.match === null || rule.match.trim() === "") return true;
  if (rule.behavior === "page_visit") return urlPatternMatches(rule.match, subject);
  return rule.match.trim().toLowerCase() === subject.toLowerCase();
}
