// After a page view: the visitor's behaviour fields, through the published mappings, into the
// outbox (coalesced with the contact's pending writes; waiting while the visitor is anonymous).
import { getDb, tables } from "@/db/client";
import { eq } from "drizzle-orm";
import { canWriteToContact } from "@/lib/identity/trust";
import { getLiveConfig } from "@/lib/publishing/versions";
import { enqueueWrite } from "@/lib/sync/outbox";
import { behaviorFieldValues, behaviorWriteSet, readsBehavior } from "@/lib/behavior/field-values";

export async function queueBehaviorFieldWrites(workspaceId: string, visitorId: string): Promise<boolean> {
  const { mappings } = (await getLiveConfig(workspaceId)).snapshot;
  if (!readsBehavior(mappings)) return false;
  return getDb().transaction(async (tx) => {
    const values = await behaviorFieldValues(visitorId, tx);
    if (!values) return false;
    const set = behaviorWriteSet(mappings, values);
    if (Object.keys(set.values).length === 0) return false;
    const v = tables.visitors;
    const [visitor] = await tx.select().from(v).where(eq(v.id, visitorId));
    if (!visitor) return false;
    const writable = canWriteToContact(visitor.identifiedBy) && visitor.intercomContactId !== null;
    await enqueueWrite(tx, {
      workspaceId,
      kind: "sync",
      contactId: writable ? visitor.intercomContactId : null,
      visitorId,
      email: writable ? visitor.email : null,
      identifiedBy: writable ? visitor.identifiedBy : null,
      set,
    });
    return true;
  });
}
