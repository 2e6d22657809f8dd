import { and, asc, eq, max } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { personalizationSchema, type PersonalizationDraft } from "./schema";
import { sanitizeContent } from "@/lib/rules/sanitize-content";
import { noteDraftEdit } from "@/lib/drafts/authors";

export type PersonalizationView = PersonalizationDraft & { id: string; position: number; updatedAt: Date };

/** What a save takes: the editor's form always sends the analytics settings; other callers may leave them out (no holdout, no goal). */
export type PersonalizationSave = Omit<PersonalizationDraft, "holdoutPercent" | "primaryGoal"> &
  Partial<Pick<PersonalizationDraft, "holdoutPercent" | "primaryGoal">> & { id?: string };

type Actor = { workspaceId: string; userId: string };

function toView(row: typeof tables.personalizations.$inferSelect): PersonalizationView {
  // Stored JSON was validated on the way in; parse again so a hand-edited row can't crash a page.
  const parsed = personalizationSchema.safeParse({ ...row, variants: row.variants });
  const variants = parsed.success ? parsed.data.variants : [];
  return {
    id: row.id,
    placementKey: row.placementKey,
    name: row.name,
    defaultHtml: row.defaultHtml,
    variants,
    holdoutPercent: row.holdoutPercent,
    primaryGoal: row.primaryGoal,
    position: row.position,
    updatedAt: row.updatedAt,
  };
}

/** The draft personalizations, in display order. */
export async function listPersonalizations(workspaceId: string, tx: DbOrTx = getDb()): Promise<PersonalizationView[]> {
  const p = tables.personalizations;
  const rows = await tx.select().from(p).where(eq(p.workspaceId, workspaceId)).orderBy(asc(p.position), asc(p.placementKey));
  return rows.map(toView);
}

export async function getPersonalization(workspaceId: string, id: string): Promise<PersonalizationView> {
  const p = tables.personalizations;
  const [row] = await getDb().select().from(p).where(and(eq(p.workspaceId, workspaceId), eq(p.id, id)));
  if (!row) throw new NotFoundError("That personalization does not exist in this workspace.");
  return toView(row);
}

/** Creates or updates a draft personalization. Placement keys are unique per workspace. */
export async function savePersonalization(actor: Actor, input: PersonalizationSave): Promise<PersonalizationView> {
  const p = tables.personalizations;
  return getDb().transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.workspaceId, actor.workspaceId), eq(p.placementKey, input.placementKey)));
    if (clash && clash.id !== input.id) {
      throw new RuleViolationError("Another personalization already uses that placement key.", {
        fieldErrors: { placementKey: "Already used by another personalization." },
      });
    }
    // Stored sanitized (allow-list, merge tags kept); the schema already refused unsafe content.
    const variants = input.variants.map((v) => ({ ...v, html: sanitizeContent(v.html) }));
    const values = {
      placementKey: input.placementKey,
      name: input.name,
      defaultHtml: sanitizeContent(input.defaultHtml),
      variants,
      holdoutPercent: input.holdoutPercent ?? 0,
      primaryGoal: input.primaryGoal ?? null,
      updatedAt: new Date(),
    };
    let id = input.id;
    if (id) {
      const updated = await tx
        .update(p)
        .set(values)
        .where(and(eq(p.workspaceId, actor.workspaceId), eq(p.id, id)))
        .returning({ id: p.id });
      if (updated.length === 0) throw new NotFoundError("That personalization does not exist in this workspace.");
    } else {
      const [{ last } = { last: null }] = await tx.select({ last: max(p.position) }).from(p).where(eq(p.workspaceId, actor.workspaceId));
      const [row] = await tx.insert(p).values({ workspaceId: actor.workspaceId, position: (last ?? -1) + 1, ...values }).returning({ id: p.id });
      id = row!.id;
    }
    await recordAudit(
      { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: input.id ? "personalization.updated" : "personalization.created", target: input.placementKey },
      tx,
    );
    await noteDraftEdit(actor, tx);
    const [row] = await tx.select().from(p).where(eq(p.id, id));
    return toView(row!);
  });
}

export async function deletePersonalization(actor: Actor, id: string): Promise<void> {
  const p = tables.personalizations;
  await getDb().transaction(async (tx) => {
    const deleted = await tx
      .delete(p)
      .where(and(eq(p.workspaceId, actor.workspaceId), eq(p.id, id)))
      .returning({ placementKey: p.placementKey });
    if (deleted.length === 0) throw new NotFoundError("That personalization does not exist in this workspace.");
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "personalization.deleted", target: deleted[0]!.placementKey }, tx);
    await noteDraftEdit(actor, tx);
  });
}
