import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { getLiveConfig } from "@/lib/publishing/versions";
import { queueAnswerWrite } from "@/lib/sync/outbox";
import { VisitorRequestError } from "./errors";
import { forgetVisitorState, touchVisitor } from "./visitors";

export type RecordedAnswer = { question: string; group: string; segments: string[] };

/**
 * Records a visitor's answer to a question. Answers are named by the key of the segment they
 * assign (stable across label edits); the visitor's segment for the group is replaced.
 */
export async function recordAnswer(workspaceId: string, anonymousId: string, questionKey: string, answerKeys: string[]): Promise<RecordedAnswer> {
  const { questions, questionAnswers, segments, segmentGroups } = tables;
  const db = getDb();
  const [question] = await db
    .select({ id: questions.id, groupKey: segmentGroups.key, selection: segmentGroups.selection })
    .from(questions)
    .innerJoin(segmentGroups, eq(segmentGroups.id, questions.groupId))
    .where(and(eq(questions.workspaceId, workspaceId), eq(questions.key, questionKey)));
  if (!question) throw new VisitorRequestError("not_found", "unknown_question", `No question has the key "${questionKey}".`);

  const options = await db
    .select({ key: segments.key })
    .from(questionAnswers)
    .innerJoin(segments, eq(segments.id, questionAnswers.segmentId))
    .where(eq(questionAnswers.questionId, question.id));
  const allowed = new Set(options.map((o) => o.key));
  const unique = [...new Set(answerKeys)];
  const unknown = unique.filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    throw new VisitorRequestError("invalid", "invalid_answer", `"${unknown[0]}" is not an answer of "${questionKey}". Answers: ${[...allowed].join(", ")}.`);
  }
  if (question.selection === "single" && unique.length !== 1) {
    throw new VisitorRequestError("invalid", "invalid_answer", `"${questionKey}" takes exactly one answer.`);
  }

  const visitor = await touchVisitor(workspaceId, anonymousId);
  const { mappings } = (await getLiveConfig(workspaceId)).snapshot;
  const a = tables.visitorAnswers;
  const now = new Date();
  // The answer and its write to Intercom (sync outbox) commit together or not at all.
  await db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ segmentKeys: a.segmentKeys })
      .from(a)
      .where(and(eq(a.visitorId, visitor.id), eq(a.questionKey, questionKey)));
    await tx
      .insert(a)
      .values({ workspaceId, visitorId: visitor.id, questionKey, groupKey: question.groupKey, segmentKeys: unique, answeredAt: now })
      .onConflictDoUpdate({ target: [a.visitorId, a.questionKey], set: { groupKey: question.groupKey, segmentKeys: unique, answeredAt: now } });
    const changed = !previous || previous.segmentKeys.join("\u0000") !== unique.join("\u0000");
    if (changed) await queueAnswerWrite(tx, { workspaceId, visitor, questionKey, groupKey: question.groupKey, mappings });
  });
  await forgetVisitorState(workspaceId, anonymousId);
  return { question: questionKey, group: question.groupKey, segments: unique };
}
