import { eq } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import type { SyncValue, WritePolicy } from "@/db/schema/sync-types";
import { convertAnswer, type Conversion, type SourceFacts } from "@/lib/intercom-integration/mapping-rules";
import { loadMappingSources } from "@/lib/intercom-integration/mapping-sources";
import type { MappingSnapshot } from "@/lib/publishing/snapshot";

/** What one write sets: attribute → value (latest wins) and each attribute's write policy. */
export type WriteSet = { values: Record<string, SyncValue>; policies: Record<string, WritePolicy> };

export type AnswerRow = { questionKey: string; groupKey: string; segmentKeys: string[]; answeredAt: Date };

type SourceInfo = {
  facts: SourceFacts;
  /** The answer whose segments the source reads, given the visitor's answers (undefined: none yet). */
  pick: (answers: AnswerRow[]) => AnswerRow | undefined;
  questionKey?: string;
  groupKey: string;
};

const latestOfGroup = (groupKey: string) => (answers: AnswerRow[]) =>
  answers.filter((a) => a.groupKey === groupKey).sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime())[0];

/** Every mapping source of the workspace with what it reads from a visitor's answers. */
export async function loadSourceIndex(workspaceId: string, tx: DbOrTx = getDb()): Promise<Map<string, SourceInfo>> {
  const { segmentGroups, questions, segments } = tables;
  const [sources, groups, qs, segs] = [
    await loadMappingSources(workspaceId, tx),
    await tx.select({ id: segmentGroups.id, key: segmentGroups.key }).from(segmentGroups).where(eq(segmentGroups.workspaceId, workspaceId)),
    await tx.select({ id: questions.id, key: questions.key, groupId: questions.groupId }).from(questions).where(eq(questions.workspaceId, workspaceId)),
    await tx.select({ id: segments.id, groupId: segments.groupId }).from(segments).where(eq(segments.workspaceId, workspaceId)),
  ];
  const groupKey = new Map(groups.map((g) => [g.id, g.key]));
  const index = new Map<string, SourceInfo>();
  for (const source of sources) {
    const [type, id = ""] = [source.type, source.ref.slice(source.type.length + 1)];
    let gKey: string | undefined;
    let info: Omit<SourceInfo, "facts" | "groupKey"> | undefined;
    if (type === "group") {
      gKey = groupKey.get(id);
      if (gKey) info = { pick: latestOfGroup(gKey) };
    } else if (type === "question") {
      const q = qs.find((x) => x.id === id);
      gKey = q ? groupKey.get(q.groupId) : undefined;
      if (q) info = { pick: (answers) => answers.find((a) => a.questionKey === q.key), questionKey: q.key };
    } else {
      const s = segs.find((x) => x.id === id);
      gKey = s ? groupKey.get(s.groupId) : undefined;
      if (gKey) info = { pick: latestOfGroup(gKey) };
    }
    if (info && gKey) index.set(source.ref, { ...info, facts: source, groupKey: gKey });
  }
  return index;
}

/**
 * The values the published mappings give this visitor's answers, through the mapping rules'
 * conversions. `affects` narrows to the mappings an answer to (questionKey, groupKey) can change.
 */
export function computeWriteSet(
  mappings: MappingSnapshot[],
  sources: Map<string, SourceInfo>,
  answers: AnswerRow[],
  affects?: { questionKey: string; groupKey: string },
): WriteSet {
  const out: WriteSet = { values: {}, policies: {} };
  for (const m of mappings) {
    if (!m.enabled) continue;
    const source = sources.get(m.source);
    if (!source) continue;
    if (affects) {
      const relevant = source.questionKey ? source.questionKey === affects.questionKey : source.groupKey === affects.groupKey;
      if (!relevant) continue;
    }
    const answer = source.pick(answers);
    if (!answer) continue;
    const selected = answer.segmentKeys
      .map((key) => source.facts.segments.find((s) => s.key === key))
      .filter((s): s is NonNullable<typeof s> => Boolean(s));
    out.values[m.attribute] = convertAnswer(source.facts, m.conversion as Conversion, selected, { separator: m.separator, longStrings: m.longStrings });
    out.policies[m.attribute] = m.writePolicy;
  }
  return out;
}

export async function visitorAnswers(visitorId: string, tx: DbOrTx = getDb()): Promise<AnswerRow[]> {
  const a = tables.visitorAnswers;
  return tx
    .select({ questionKey: a.questionKey, groupKey: a.groupKey, segmentKeys: a.segmentKeys, answeredAt: a.answeredAt })
    .from(a)
    .where(eq(a.visitorId, visitorId));
}

export function isEmptyWriteSet(set: WriteSet): boolean {
  return Object.keys(set.values).length === 0;
}
