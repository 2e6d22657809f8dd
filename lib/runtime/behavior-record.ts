// Turns a website behaviour into Intercom data events through the sync outbox: one job per
// matching rule, keyed by the rule and the behaviour (a repeated report is recorded once), with the
// behaviour's own time as created_at. An anonymous visitor's events wait for a verified identity.
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { Behavior } from "@/db/schema/behavior-types";
import { enqueueEvent } from "@/lib/sync/events";
import { buildMetadata } from "@/lib/behavior/metadata";
import { enabledRules, ruleMatches } from "@/lib/behavior/rules";

export type BehaviorReport = {
  behavior: Behavior;
  /** What rules match against: the URL path, track key, flow key or placement key. */
  subject: string;
  /** Unique for this behaviour of this visitor (e.g. the flow event's id, the page view's id). */
  key: string;
  at: Date;
  /** Candidate metadata in priority order (flattened and capped by buildMetadata). */
  metadata: [string, unknown][];
};

/** Queues the events this behaviour produces; returns how many were queued. */
export async function recordBehavior(workspaceId: string, visitorId: string, report: BehaviorReport): Promise<number> {
  const rules = (await enabledRules(workspaceId, report.behavior)).filter((rule) => ruleMatches(rule, report.subject));
  if (rules.length === 0) return 0;
  const v = tables.visitors;
  const db = getDb();
  const [visitor] = await db.select({ id: v.id, email: v.email, intercomContactId: v.intercomContactId, identifiedBy: v.identifiedBy }).from(v).where(eq(v.id, visitorId));
  if (!visitor) return 0;
  const metadata = buildMetadata(report.metadata);
  let queued = 0;
  await db.transaction(async (tx) => {
    for (const rule of rules) {
      const job = await enqueueEvent(tx, {
        workspaceId,
        visitor,
        eventName: rule.eventName,
        occurredAt: report.at,
        metadata,
        idempotencyKey: `${rule.id}:${report.key}`,
      });
      if (job) queued++;
    }
  });
  return queued;
}
