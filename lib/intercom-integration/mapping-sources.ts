import { asc, eq } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { BEHAVIOR_FIELDS } from "@/db/schema/behavior-fields";
import type { MappingSource } from "./mapping-schema";

/** Every group, question and segment of the workspace, and the behaviour fields, as something a mapping can read from. */
export async function loadMappingSources(workspaceId: string, tx: DbOrTx = getDb()): Promise<MappingSource[]> {
  const { segmentGroups, segments, questions } = tables;
  const groups = await tx.select().from(segmentGroups).where(eq(segmentGroups.workspaceId, workspaceId)).orderBy(asc(segmentGroups.position));
  const segs = await tx.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(asc(segments.position));
  const qs = await tx.select().from(questions).where(eq(questions.workspaceId, workspaceId)).orderBy(asc(questions.position));

  const out: MappingSource[] = [];
  const byGroup = new Map(groups.map((g) => [g.id, g]));
  const facts = (groupId: string) =>
    segs.filter((s) => s.groupId === groupId).map((s) => ({ key: s.key, name: s.name, numericValue: s.numericValue }));
  const kindOf = (g: (typeof groups)[number]) =>
    g.kind === "numeric_bucket" ? ("numeric_bucket" as const) : g.selection === "multi" ? ("multi_select" as const) : ("single_select" as const);

  for (const g of groups) {
    out.push({ ref: `group:${g.id}`, type: "group", label: g.name, groupName: g.name, nameBase: g.name, kind: kindOf(g), segments: facts(g.id) });
  }
  for (const q of qs) {
    const g = byGroup.get(q.groupId);
    if (!g) continue;
    out.push({ ref: `question:${q.id}`, type: "question", label: `“${q.text}”`, groupName: g.name, nameBase: q.key, kind: kindOf(g), segments: facts(g.id) });
  }
  for (const g of groups) {
    for (const s of segs.filter((x) => x.groupId === g.id)) {
      out.push({
        ref: `segment:${s.id}`,
        type: "segment",
        label: `${g.name} → ${s.name}`,
        groupName: g.name,
        nameBase: `is ${s.name}`,
        kind: "segment",
        segments: facts(g.id),
        segmentKey: s.key,
      });
    }
  }
  // Behaviour fields: what the visitor did on the website (lib/behavior/field-values.ts).
  for (const [field, def] of Object.entries(BEHAVIOR_FIELDS)) {
    out.push({ ref: `behavior:${field}`, type: "behavior", label: def.label, groupName: "Behaviour", nameBase: def.nameBase, kind: def.kind, segments: [] });
  }
  return out;
}
