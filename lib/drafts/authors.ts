import { eq } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";

// Authorship of the draft: every change to what Publish would ship (personalizations, flows, field
// mappings) notes its editor here, in the same transaction. Publishing stores the set on the new
// version and starts a new set, so version history credits who made the change as well as who published.

type Actor = { workspaceId: string; userId: string };

/** Records that `actor` changed the draft (idempotent per editor). */
export async function noteDraftEdit(actor: Actor, tx: DbOrTx = getDb()): Promise<void> {
  const a = tables.draftAuthors;
  const now = new Date();
  await tx
    .insert(a)
    .values({ workspaceId: actor.workspaceId, userId: actor.userId, lastEditedAt: now })
    .onConflictDoUpdate({ target: [a.workspaceId, a.userId], set: { lastEditedAt: now } });
}

/** Who changed the draft since the last publish, earliest editor first. */
export async function draftAuthorIds(workspaceId: string, tx: DbOrTx = getDb()): Promise<string[]> {
  const a = tables.draftAuthors;
  const rows = await tx.select({ userId: a.userId, at: a.lastEditedAt }).from(a).where(eq(a.workspaceId, workspaceId));
  return rows.sort((x, y) => x.at.getTime() - y.at.getTime()).map((r) => r.userId);
}

/** A publish of the whole draft starts a new set of authors. */
export async function clearDraftAuthors(workspaceId: string, tx: DbOrTx): Promise<void> {
  await tx.delete(tables.draftAuthors).where(eq(tables.draftAuthors.workspaceId, workspaceId));
}
