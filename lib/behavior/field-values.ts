// The current values of the behaviour fields for one visitor, and the write set the published
// mappings make of them (counters and dates written as the current value; the outbox coalesces
// them with the contact's other pending writes).
import { and, eq, inArray } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import type { SyncValue, WritePolicy } from "@/db/schema/sync-types";
import { convertBehaviorValue, type Conversion } from "@/lib/intercom-integration/mapping-rules";
import type { MappingSnapshot } from "@/lib/publishing/snapshot";
import { behaviorFieldOf, type BehaviorField } from "@/db/schema/behavior-fields";

export type BehaviorFieldValues = Record<BehaviorField, Date | number | string | null>;

export async function behaviorFieldValues(visitorId: string, tx: DbOrTx = getDb()): Promise<BehaviorFieldValues | null> {
  const v = tables.visitors;
  const b = tables.visitorBehavior;
  const [row] = await tx.select({ visitor: v, behavior: b }).from(v).leftJoin(b, eq(b.visitorId, v.id)).where(eq(v.id, visitorId));
  if (!row) return null;
  const { visitor, behavior } = row;
  const answers = await tx
    .select({ groupKey: tables.visitorAnswers.groupKey, segmentKeys: tables.visitorAnswers.segmentKeys })
    .from(tables.visitorAnswers)
    .where(eq(tables.visitorAnswers.visitorId, visitorId));
  let segmentNames: string | null = null;
  const keys = [...new Set(answers.flatMap((a) => a.segmentKeys))];
  if (keys.length > 0) {
    const { segments, segmentGroups } = tables;
    const named = await tx
      .select({ key: segments.key, name: segments.name, groupKey: segmentGroups.key })
      .from(segments)
      .innerJoin(segmentGroups, eq(segmentGroups.id, segments.groupId))
      .where(and(eq(segments.workspaceId, visitor.workspaceId), inArray(segments.key, keys)));
    const names = answers.flatMap((a) => a.segmentKeys.map((k) => named.find((n) => n.key === k && n.groupKey === a.groupKey)?.name).filter((n): n is string => Boolean(n)));
    segmentNames = names.length > 0 ? [...new Set(names)].join(", ") : null;
  }
  const lastSeen = behavior?.lastPageAt && behavior.lastPageAt > visitor.lastSeenAt ? behavior.lastPageAt : visitor.lastSeenAt;
  return {
    first_seen: visitor.createdAt,
    last_seen: lastSeen,
    visit_count: behavior?.visitCount ?? 0,
    first_utm_source: behavior?.firstUtmSource ?? null,
    first_utm_medium: behavior?.firstUtmMedium ?? null,
    first_utm_campaign: behavior?.firstUtmCampaign ?? null,
    last_page: behavior?.lastPage ?? null,
    segment_names: segmentNames,
  };
}

/** The attribute values of the enabled mappings that read behaviour fields (none: an empty set). */
export function behaviorWriteSet(
  mappings: readonly MappingSnapshot[],
  values: BehaviorFieldValues,
): { values: Record<string, SyncValue>; policies: Record<string, WritePolicy> } {
  const out = { values: {} as Record<string, SyncValue>, policies: {} as Record<string, WritePolicy> };
  for (const m of mappings) {
    const field = m.enabled ? behaviorFieldOf(m.source) : null;
    if (!field) continue;
    const value = convertBehaviorValue(m.conversion as Conversion, values[field], { longStrings: m.longStrings });
    if (value === null) continue;
    out.values[m.attribute] = value;
    out.policies[m.attribute] = m.writePolicy;
  }
  return out;
}

export const readsBehavior = (mappings: readonly MappingSnapshot[]) => mappings.some((m) => m.enabled && behaviorFieldOf(m.source) !== null);
