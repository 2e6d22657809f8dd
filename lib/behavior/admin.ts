// Saving the workspace's event rules (Integrations → Intercom → Data events): the whole set is
// replaced in one transaction and audited; takes effect on every node at once (invalidation bus).
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { z } from "zod";
import { forgetBehaviorRules, listBehaviorRules, type BehaviorRule } from "./rules";
import type { saveEventRulesSchema } from "./schema";

type Actor = { workspaceId: string; userId: string };

export async function saveEventRules(actor: Actor, input: z.output<typeof saveEventRulesSchema>): Promise<BehaviorRule[]> {
  const r = tables.behaviorEventRules;
  await getDb().transaction(async (tx) => {
    // Only this workspace's own rule ids are kept; anything else the form sends is a new rule.
    const own = new Set((await tx.select({ id: r.id }).from(r).where(eq(r.workspaceId, actor.workspaceId))).map((x) => x.id));
    await tx.delete(r).where(eq(r.workspaceId, actor.workspaceId));
    const now = new Date();
    if (input.rules.length > 0) {
      await tx.insert(r).values(
        input.rules.map((rule, i) => ({
          // Keep a rule's id across saves: it is part of each event's idempotency key.
          ...(rule.id && own.has(rule.id) ? { id: rule.id } : {}),
          workspaceId: actor.workspaceId,
          behavior: rule.behavior,
          match: rule.match === "" ? null : rule.match,
          eventName: rule.eventName,
          enabled: rule.enabled,
          createdAt: new Date(now.getTime() + i),
          updatedAt: now,
        })),
      );
    }
    await recordAudit(
      { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "events.saved", details: { total: input.rules.length, names: input.rules.map((x) => x.eventName) } },
      tx,
    );
  });
  await forgetBehaviorRules(actor.workspaceId);
  return listBehaviorRules(actor.workspaceId);
}
