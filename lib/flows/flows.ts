import { and, asc, eq, max, type SQL } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { everyone, flowSchema, type FlowDraft } from "./schema";
import { noteDraftEdit } from "@/lib/drafts/authors";

export type FlowView = FlowDraft & { id: string; position: number; updatedAt: Date; updatedBy: string | null };

type Actor = { workspaceId: string; userId: string };

function toView(row: typeof tables.flows.$inferSelect & { updatedBy?: string | null }): FlowView {
  const draft = { key: row.key, name: row.name, enabled: row.enabled, audience: row.audience, steps: row.steps };
  // Stored JSON was validated on the way in; parse again so a hand-edited row can't crash a page.
  const parsed = flowSchema.safeParse(draft);
  const flow: FlowDraft = parsed.success ? parsed.data : { key: row.key, name: row.name, enabled: false, audience: everyone, steps: [] };
  return { ...flow, id: row.id, position: row.position, updatedAt: row.updatedAt, updatedBy: row.updatedBy ?? null };
}

function selectFlows(tx: DbOrTx, where: SQL | undefined) {
  const f = tables.flows;
  return tx
    .select({ flow: f, updatedBy: tables.users.email })
    .from(f)
    .leftJoin(tables.users, eq(tables.users.id, f.updatedByUserId))
    .where(where)
    .orderBy(asc(f.position), asc(f.key));
}

/** The draft flows, in display order. */
export async function listFlows(workspaceId: string, tx: DbOrTx = getDb()): Promise<FlowView[]> {
  const rows = await selectFlows(tx, eq(tables.flows.workspaceId, workspaceId));
  return rows.map((r) => toView({ ...r.flow, updatedBy: r.updatedBy }));
}

export async function getFlow(workspaceId: string, id: string): Promise<FlowView> {
  const f = tables.flows;
  const [row] = await selectFlows(getDb(), and(eq(f.workspaceId, workspaceId), eq(f.id, id)));
  if (!row) throw new NotFoundError("That flow does not exist in this workspace.");
  return toView({ ...row.flow, updatedBy: row.updatedBy });
}

/** Creates or updates a draft flow. Keys are unique per workspace. */
export async function saveFlow(actor: Actor, input: { id?: string; flow: FlowDraft }): Promise<FlowView> {
  const f = tables.flows;
  const { flow } = input;
  return getDb().transaction(async (tx) => {
    const [clash] = await tx.select({ id: f.id }).from(f).where(and(eq(f.workspaceId, actor.workspaceId), eq(f.key, flow.key)));
    if (clash && clash.id !== input.id) {
      throw new RuleViolationError("Another flow already uses that key.", { fieldErrors: { "flow.key": "Already used by another flow." } });
    }
    const values = {
      key: flow.key,
      name: flow.name,
      enabled: flow.enabled,
      audience: flow.audience as unknown as Record<string, unknown>,
      steps: flow.steps,
      updatedAt: new Date(),
      updatedByUserId: actor.userId,
    };
    let id = input.id;
    if (id) {
      const updated = await tx.update(f).set(values).where(and(eq(f.workspaceId, actor.workspaceId), eq(f.id, id))).returning({ id: f.id });
      if (updated.length === 0) throw new NotFoundError("That flow does not exist in this workspace.");
    } else {
      const [{ last } = { last: null }] = await tx.select({ last: max(f.position) }).from(f).where(eq(f.workspaceId, actor.workspaceId));
      const [row] = await tx.insert(f).values({ workspaceId: actor.workspaceId, position: (last ?? -1) + 1, ...values }).returning({ id: f.id });
      id = row!.id;
    }
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: input.id ? "flow.updated" : "flow.created", target: flow.key }, tx);
    await noteDraftEdit(actor, tx);
    return toView((await tx.select().from(f).where(eq(f.id, id)))[0]!);
  });
}

export async function deleteFlow(actor: Actor, id: string): Promise<void> {
  const f = tables.flows;
  await getDb().transaction(async (tx) => {
    const deleted = await tx.delete(f).where(and(eq(f.workspaceId, actor.workspaceId), eq(f.id, id))).returning({ key: f.key });
    if (deleted.length === 0) throw new NotFoundError("That flow does not exist in this workspace.");
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "flow.deleted", target: deleted[0]!.key }, tx);
    await noteDraftEdit(actor, tx);
  });
}

/** The workspace's questions as validation sees them: key → text. */
export async function knownQuestions(workspaceId: string, tx: DbOrTx = getDb()): Promise<Map<string, string>> {
  const q = tables.questions;
  const rows = await tx.select({ key: q.key, text: q.text }).from(q).where(eq(q.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.key, r.text]));
}
