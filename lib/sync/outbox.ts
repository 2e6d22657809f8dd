import { and, eq, inArray } from "drizzle-orm";
import { tables, type DbOrTx } from "@/db/client";
import type { SyncJobKind } from "@/db/schema/sync-types";
import { canWriteToContact, type IdentifiedBy } from "@/lib/identity/trust";
import { canWriteBack } from "@/lib/intercom-integration/health";
import type { MappingSnapshot } from "@/lib/publishing/snapshot";
import { computeWriteSet, isEmptyWriteSet, loadSourceIndex, visitorAnswers, type WriteSet } from "@/lib/publishing/mapping-values";
import { behaviorFieldValues, behaviorWriteSet } from "@/lib/behavior/field-values";
import { promoteVisitorEvents } from "./events";
import { wakeWorkers as wake } from "./wake";

/** Job statuses that still accept new values (one such job per target: coalescing). */
export const OPEN_STATUSES = ["pending", "waiting_identification", "paused"] as const;

export const contactTarget = (contactId: string) => `contact:${contactId}`;
export const visitorTarget = (visitorId: string) => `visitor:${visitorId}`;

export type EnqueueInput = {
  workspaceId: string;
  kind: Exclude<SyncJobKind, "test">;
  contactId: string | null;
  visitorId: string | null;
  email: string | null;
  /** How the visitor behind the write was identified; shown in the sync log. */
  identifiedBy?: IdentifiedBy | null;
  set: WriteSet;
};

export { onSyncEnqueued } from "./wake";

/**
 * Records a write in the outbox, inside the caller's transaction. Several changes for one target
 * coalesce into its open job (values merged, latest wins); a job already running gets a follow-up.
 * The version column makes the merge safe against a concurrent merge or claim.
 */
export async function enqueueWrite(tx: DbOrTx, input: EnqueueInput): Promise<{ jobId: string | null; coalesced: boolean }> {
  if (!input.contactId && !input.visitorId) throw new Error("enqueueWrite needs a contact or a visitor");
  // A read-only token: nothing is queued that could never be sent (write-back is off).
  if (!(await canWriteBack(input.workspaceId, tx))) return { jobId: null, coalesced: false };
  const j = tables.syncJobs;
  const targetKey = input.contactId ? contactTarget(input.contactId) : visitorTarget(input.visitorId!);
  const now = new Date();
  for (let attempt = 0; attempt < 8; attempt++) {
    const [open] = await tx
      .select()
      .from(j)
      .where(and(eq(j.workspaceId, input.workspaceId), eq(j.targetKey, targetKey), inArray(j.status, [...OPEN_STATUSES])));
    if (open) {
      const merged = await tx
        .update(j)
        .set({
          values: { ...open.values, ...input.set.values },
          policies: { ...open.policies, ...input.set.policies },
          contactEmail: input.email ?? open.contactEmail,
          identifiedBy: input.identifiedBy ?? open.identifiedBy,
          visitorId: input.visitorId ?? open.visitorId,
          kind: open.kind === "backfill" && input.kind === "sync" ? "sync" : open.kind,
          version: open.version + 1,
          updatedAt: now,
        })
        .where(and(eq(j.id, open.id), eq(j.version, open.version)))
        .returning({ id: j.id });
      if (merged.length > 0) {
        wake();
        return { jobId: open.id, coalesced: true };
      }
      continue;
    }
    // The partial unique index turns a concurrent insert into a no-op; then merge into that one.
    const inserted = await tx
      .insert(j)
      .values({
        workspaceId: input.workspaceId,
        kind: input.kind,
        status: input.contactId ? "pending" : "waiting_identification",
        targetKey,
        contactId: input.contactId,
        visitorId: input.visitorId,
        contactEmail: input.email,
        identifiedBy: input.identifiedBy ?? null,
        values: input.set.values,
        policies: input.set.policies,
        nextRunAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: j.id });
    if (inserted[0]) {
      wake();
      return { jobId: inserted[0].id, coalesced: false };
    }
  }
  throw new Error("sync outbox: could not record the write (too much contention)");
}

type VisitorFacts = { id: string; email: string | null; intercomContactId: string | null; identifiedBy: IdentifiedBy | null };

/** After an answer changed: queue the values of the published mappings that read from it. */
export async function queueAnswerWrite(
  tx: DbOrTx,
  args: { workspaceId: string; visitor: VisitorFacts; questionKey: string; groupKey: string; mappings: MappingSnapshot[] },
): Promise<void> {
  if (!args.mappings.some((m) => m.enabled)) return;
  const sources = await loadSourceIndex(args.workspaceId, tx);
  const set = computeWriteSet(args.mappings, sources, await visitorAnswers(args.visitor.id, tx), {
    questionKey: args.questionKey,
    groupKey: args.groupKey,
  });
  if (isEmptyWriteSet(set)) return;
  // A contact claimed without verification is never written: the write waits as the visitor's
  // until a verified identify links them (then queueIdentifiedVisitor sends it).
  const writable = canWriteToContact(args.visitor.identifiedBy);
  await enqueueWrite(tx, {
    workspaceId: args.workspaceId,
    kind: "sync",
    contactId: writable ? args.visitor.intercomContactId : null,
    visitorId: args.visitor.id,
    email: writable ? args.visitor.email : null,
    identifiedBy: writable ? args.visitor.identifiedBy : null,
    set,
  });
}

/**
 * A visitor was just linked to an Intercom contact: every mapped answer goes to that contact, and
 * the write that waited for identification is replaced by it.
 */
export async function queueIdentifiedVisitor(
  tx: DbOrTx,
  args: { workspaceId: string; visitorId: string; contactId: string; email: string | null; identifiedBy: IdentifiedBy | null; mappings: MappingSnapshot[] },
): Promise<void> {
  const j = tables.syncJobs;
  await tx
    .delete(j)
    .where(and(eq(j.workspaceId, args.workspaceId), eq(j.targetKey, visitorTarget(args.visitorId)), eq(j.status, "waiting_identification")));
  // The behaviour that waited for this identity goes out too, oldest first.
  await promoteVisitorEvents(tx, args);
  if (!args.mappings.some((m) => m.enabled)) return;
  const answers = await visitorAnswers(args.visitorId, tx);
  const set = answers.length > 0 ? computeWriteSet(args.mappings, await loadSourceIndex(args.workspaceId, tx), answers) : { values: {}, policies: {} };
  // Behaviour fields (visit count, first-touch UTM, …) go in the same write, as current values.
  const behavior = await behaviorFieldValues(args.visitorId, tx);
  if (behavior) {
    const extra = behaviorWriteSet(args.mappings, behavior);
    Object.assign(set.values, extra.values);
    Object.assign(set.policies, extra.policies);
  }
  if (isEmptyWriteSet(set)) return;
  await enqueueWrite(tx, {
    workspaceId: args.workspaceId,
    kind: "sync",
    contactId: args.contactId,
    visitorId: args.visitorId,
    email: args.email,
    identifiedBy: args.identifiedBy,
    set,
  });
}
