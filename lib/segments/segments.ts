import "server-only";
import { and, asc, eq, inArray, max, notInArray } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { listFlows } from "@/lib/flows/flows";
import { assertMappingsStillFit, deleteMappingsForSources, listMappings } from "@/lib/intercom-integration/mappings";
import type { SaveGroupValues, SaveQuestionValues } from "./schema";
import { noteDraftEdit } from "@/lib/drafts/authors";

export type SegmentView = { id: string; key: string; name: string; numericValue: number | null };
export type GroupView = {
  id: string;
  key: string;
  name: string;
  selection: "single" | "multi";
  kind: "categorical" | "numeric_bucket";
  segments: SegmentView[];
  /** Where it is used, for the delete confirmation ("Question “…”", "Intercom field job_role"). */
  usedBy: string[];
  /** True when deleting it also deletes field mappings (only owners and admins may). */
  isMapped: boolean;
};
export type QuestionView = {
  id: string;
  key: string;
  text: string;
  groupId: string;
  groupName: string;
  answers: { id: string; label: string; segmentId: string; segmentName: string }[];
  usedBy: string[];
  isMapped: boolean;
};
export type SegmentsOverview = { groups: GroupView[]; questions: QuestionView[] };

type Actor = { workspaceId: string; userId: string; canEditMappings: boolean };

export async function getSegmentsOverview(workspaceId: string, tx: DbOrTx = getDb()): Promise<SegmentsOverview> {
  const { segmentGroups, segments, questions, questionAnswers } = tables;
  const groups = await tx.select().from(segmentGroups).where(eq(segmentGroups.workspaceId, workspaceId)).orderBy(asc(segmentGroups.position));
  const segs = await tx.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(asc(segments.position));
  const qs = await tx.select().from(questions).where(eq(questions.workspaceId, workspaceId)).orderBy(asc(questions.position));
  const answers = await tx.select().from(questionAnswers).where(eq(questionAnswers.workspaceId, workspaceId)).orderBy(asc(questionAnswers.position));
  const mappings = await listMappings(workspaceId, tx);
  const flows = await listFlows(workspaceId, tx);
  const askedBy = (key: string) =>
    flows.filter((f) => f.steps.some((step) => step.type === "question" && step.questionKey === key)).map((f) => `Flow “${f.name}”`);

  const mappedTo = (refs: string[]) => mappings.filter((m) => refs.includes(m.source)).map((m) => `Intercom field ${m.attribute}`);
  const segName = new Map(segs.map((s) => [s.id, s.name]));

  const questionViews: QuestionView[] = qs.map((q) => {
    const mapped = mappedTo([`question:${q.id}`]);
    const usedBy = [...askedBy(q.key), ...mapped];
    return {
      id: q.id,
      key: q.key,
      text: q.text,
      groupId: q.groupId,
      groupName: groups.find((g) => g.id === q.groupId)?.name ?? "",
      answers: answers
        .filter((a) => a.questionId === q.id)
        .map((a) => ({ id: a.id, label: a.label, segmentId: a.segmentId, segmentName: segName.get(a.segmentId) ?? "" })),
      usedBy,
      isMapped: mapped.length > 0,
    };
  });
  const groupViews: GroupView[] = groups.map((g) => {
    const own = segs.filter((s) => s.groupId === g.id);
    const groupQuestions = qs.filter((q) => q.groupId === g.id);
    const mapped = mappedTo([`group:${g.id}`, ...own.map((s) => `segment:${s.id}`), ...groupQuestions.map((q) => `question:${q.id}`)]);
    return {
      id: g.id,
      key: g.key,
      name: g.name,
      selection: g.selection,
      kind: g.kind,
      segments: own.map((s) => ({ id: s.id, key: s.key, name: s.name, numericValue: s.numericValue })),
      usedBy: [...groupQuestions.map((q) => `Question “${q.text}”`), ...mapped],
      isMapped: mapped.length > 0,
    };
  });
  return { groups: groupViews, questions: questionViews };
}

async function nextPosition(tx: DbOrTx, kind: "group" | "question", workspaceId: string): Promise<number> {
  const table = kind === "group" ? tables.segmentGroups : tables.questions;
  const [row] = await tx.select({ value: max(table.position) }).from(table).where(eq(table.workspaceId, workspaceId));
  return (row?.value ?? -1) + 1;
}

function keyTaken(field: string, message: string): RuleViolationError {
  return new RuleViolationError("Check the highlighted fields.", { fieldErrors: { [field]: message } });
}

/** Creates or updates a group with its segments. Keys of saved groups and segments never change. */
export async function saveGroup(actor: Actor, input: SaveGroupValues): Promise<{ id: string; name: string }> {
  return getDb().transaction(async (tx) => {
    const { segmentGroups, segments, questionAnswers } = tables;
    const now = new Date();
    let groupId = input.id;
    if (groupId) {
      const [existing] = await tx.select().from(segmentGroups).where(and(eq(segmentGroups.workspaceId, actor.workspaceId), eq(segmentGroups.id, groupId)));
      if (!existing) throw new NotFoundError("That segment group no longer exists.");
      await tx
        .update(segmentGroups)
        .set({ name: input.name, selection: input.selection, kind: input.kind, updatedAt: now })
        .where(and(eq(segmentGroups.workspaceId, actor.workspaceId), eq(segmentGroups.id, groupId)));
    } else {
      const [clash] = await tx.select({ id: segmentGroups.id }).from(segmentGroups).where(and(eq(segmentGroups.workspaceId, actor.workspaceId), eq(segmentGroups.key, input.key)));
      if (clash) throw keyTaken("key", "Another group already uses this key.");
      const [created] = await tx
        .insert(segmentGroups)
        .values({
          workspaceId: actor.workspaceId,
          key: input.key,
          name: input.name,
          selection: input.selection,
          kind: input.kind,
          position: await nextPosition(tx, "group", actor.workspaceId),
        })
        .returning({ id: segmentGroups.id });
      groupId = created!.id;
    }

    const current = await tx.select().from(segments).where(and(eq(segments.workspaceId, actor.workspaceId), eq(segments.groupId, groupId)));
    const keptIds = input.segments.map((s) => s.id).filter((id): id is string => Boolean(id && current.some((c) => c.id === id)));
    const dropped = current.filter((c) => !keptIds.includes(c.id));
    if (dropped.length > 0) {
      const used = await tx
        .select({ segmentId: questionAnswers.segmentId })
        .from(questionAnswers)
        .where(and(eq(questionAnswers.workspaceId, actor.workspaceId), inArray(questionAnswers.segmentId, dropped.map((d) => d.id))));
      const mapped = (await listMappings(actor.workspaceId, tx)).filter((m) => dropped.some((d) => m.source === `segment:${d.id}`));
      if (used.length > 0 || mapped.length > 0) {
        const names = dropped.filter((d) => used.some((u) => u.segmentId === d.id) || mapped.some((m) => m.source === `segment:${d.id}`)).map((d) => d.name);
        throw new RuleViolationError(`${names.join(", ")} can't be removed: a question answer or a field mapping uses it. Change those first.`);
      }
      await tx.delete(segments).where(and(eq(segments.groupId, groupId), notInArray(segments.id, keptIds.length ? keptIds : [""])));
    }
    for (const [position, s] of input.segments.entries()) {
      const numericValue = input.kind === "numeric_bucket" ? Number(s.numericValue) : null;
      const existing = s.id ? current.find((c) => c.id === s.id) : undefined;
      if (existing) {
        await tx.update(segments).set({ name: s.name, position, numericValue }).where(and(eq(segments.groupId, groupId), eq(segments.id, existing.id)));
      } else {
        if (current.some((c) => c.key === s.key && !dropped.includes(c))) throw keyTaken(`segments.${position}.key`, "Another segment of this group uses this key.");
        await tx.insert(segments).values({ workspaceId: actor.workspaceId, groupId, key: s.key, name: s.name, position, numericValue });
      }
    }
    await assertMappingsStillFit(actor.workspaceId, tx);
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: input.id ? "segments.group_updated" : "segments.group_created",
        target: input.name,
        details: { key: input.key, segments: input.segments.length },
      },
      tx,
    );
    return { id: groupId, name: input.name };
  });
}

export async function saveQuestion(actor: Actor, input: SaveQuestionValues): Promise<{ id: string; text: string }> {
  return getDb().transaction(async (tx) => {
    const { questions, questionAnswers, segments } = tables;
    const groupSegments = await tx.select({ id: segments.id }).from(segments).where(and(eq(segments.workspaceId, actor.workspaceId), eq(segments.groupId, input.groupId)));
    if (groupSegments.length === 0) throw new RuleViolationError("Check the highlighted fields.", { fieldErrors: { groupId: "That group no longer exists." } });
    const fieldErrors: Record<string, string> = {};
    input.answers.forEach((a, i) => {
      if (!groupSegments.some((s) => s.id === a.segmentId)) fieldErrors[`answers.${i}.segmentId`] = "Choose a segment of the question's group.";
    });
    if (Object.keys(fieldErrors).length) throw new RuleViolationError("Check the highlighted fields.", { fieldErrors });

    let questionId = input.id;
    const now = new Date();
    if (questionId) {
      const [existing] = await tx.select().from(questions).where(and(eq(questions.workspaceId, actor.workspaceId), eq(questions.id, questionId)));
      if (!existing) throw new NotFoundError("That question no longer exists.");
      await tx.update(questions).set({ text: input.text, groupId: input.groupId, updatedAt: now }).where(and(eq(questions.workspaceId, actor.workspaceId), eq(questions.id, questionId)));
      await tx.delete(questionAnswers).where(and(eq(questionAnswers.workspaceId, actor.workspaceId), eq(questionAnswers.questionId, questionId)));
    } else {
      const [clash] = await tx.select({ id: questions.id }).from(questions).where(and(eq(questions.workspaceId, actor.workspaceId), eq(questions.key, input.key)));
      if (clash) throw keyTaken("key", "Another question already uses this key.");
      const [created] = await tx
        .insert(questions)
        .values({ workspaceId: actor.workspaceId, key: input.key, text: input.text, groupId: input.groupId, position: await nextPosition(tx, "question", actor.workspaceId) })
        .returning({ id: questions.id });
      questionId = created!.id;
    }
    await tx.insert(questionAnswers).values(
      input.answers.map((a, position) => ({ workspaceId: actor.workspaceId, questionId: questionId!, label: a.label, segmentId: a.segmentId, position })),
    );
    await assertMappingsStillFit(actor.workspaceId, tx);
    await recordAudit(
      { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: input.id ? "segments.question_updated" : "segments.question_created", target: input.text },
      tx,
    );
    return { id: questionId, text: input.text };
  });
}

/** Deletes a group (with its segments and questions) or a question, and the field mappings that read from them. */
export async function deleteSegmentItem(actor: Actor, kind: "group" | "question", id: string): Promise<{ name: string; deletedMappings: string[] }> {
  return getDb().transaction(async (tx) => {
    const overview = await getSegmentsOverview(actor.workspaceId, tx);
    const item = kind === "group" ? overview.groups.find((g) => g.id === id) : overview.questions.find((q) => q.id === id);
    if (!item) throw new NotFoundError(kind === "group" ? "That segment group no longer exists." : "That question no longer exists.");
    if (item.isMapped && !actor.canEditMappings) {
      throw new RuleViolationError("It is mapped to Intercom fields. Only an owner or admin can delete it, because that removes the mappings.");
    }
    const refs =
      kind === "group"
        ? [
            `group:${id}`,
            ...(item as GroupView).segments.map((s) => `segment:${s.id}`),
            ...overview.questions.filter((q) => q.groupId === id).map((q) => `question:${q.id}`),
          ]
        : [`question:${id}`];
    const deletedMappings = await deleteMappingsForSources(actor.workspaceId, refs, tx);
    if (deletedMappings.length > 0) await noteDraftEdit(actor, tx);
    const table = kind === "group" ? tables.segmentGroups : tables.questions;
    await tx.delete(table).where(and(eq(table.workspaceId, actor.workspaceId), eq(table.id, id)));
    const name = kind === "group" ? (item as GroupView).name : (item as QuestionView).text;
    await recordAudit(
      { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: `segments.${kind}_deleted`, target: name, details: { deletedMappings } },
      tx,
    );
    return { name, deletedMappings };
  });
}

/** Moves a group or question one place up or down. */
export async function moveSegmentItem(actor: Actor, kind: "group" | "question", id: string, direction: "up" | "down"): Promise<void> {
  await getDb().transaction(async (tx) => {
    const table = kind === "group" ? tables.segmentGroups : tables.questions;
    const rows = await tx.select({ id: table.id }).from(table).where(eq(table.workspaceId, actor.workspaceId)).orderBy(asc(table.position), asc(table.createdAt));
    const from = rows.findIndex((r) => r.id === id);
    if (from === -1) throw new NotFoundError();
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= rows.length) return;
    [rows[from], rows[to]] = [rows[to]!, rows[from]!];
    for (const [position, row] of rows.entries()) {
      await tx.update(table).set({ position }).where(and(eq(table.workspaceId, actor.workspaceId), eq(table.id, row.id)));
    }
  });
}
