import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { fieldErrorsOf } from "@/lib/field-errors";
import { recordAudit } from "@/lib/audit";
import { RuleViolationError } from "@/lib/errors";
import { IntercomValidationError } from "@/lib/intercom/errors";
import { getAttributeCache, reloadAttributes, type ReloadSummary } from "./attributes";
import { NotConnectedError, withIntercom } from "./connection";
import { DEFAULT_LONG_STRING_POLICY, DEFAULT_SEPARATOR, driftOf, isLongStringPolicy, type Conversion, type DriftReason, type LongStringPolicy } from "./mapping-rules";
import { mappingsSchemaFor, type CreateAttributeInput, type MappingContext, type SaveMappingsInput } from "./mapping-schema";
import { loadMappingSources } from "./mapping-sources";
import { noteDraftEdit } from "@/lib/drafts/authors";

// field_mappings rows are the workspace's DRAFT configuration. A later Publish step will copy
// them into a published version for the sync engine; until then listActiveMappings() is the contract.

export type MappingView = {
  id: string;
  source: string;
  attribute: string;
  conversion: Conversion;
  separator: string;
  longStrings: LongStringPolicy;
  writePolicy: "overwrite" | "only_if_empty";
  enabled: boolean;
  driftReason: DriftReason | null;
  updatedAt: Date;
};

type Actor = { workspaceId: string; userId: string };

export async function listMappings(workspaceId: string, tx: DbOrTx = getDb()): Promise<MappingView[]> {
  const m = tables.fieldMappings;
  const rows = await tx.select().from(m).where(eq(m.workspaceId, workspaceId)).orderBy(asc(m.position));
  return rows.map((r) => ({
    id: r.id,
    source: `${r.sourceType}:${r.sourceId}`,
    attribute: r.attributeName,
    conversion: r.conversion as Conversion,
    separator: typeof r.options?.separator === "string" ? r.options.separator : DEFAULT_SEPARATOR,
    longStrings: isLongStringPolicy(r.options?.longStrings) ? r.options.longStrings : DEFAULT_LONG_STRING_POLICY,
    writePolicy: r.writePolicy,
    enabled: r.enabled,
    driftReason: r.driftReason,
    updatedAt: r.updatedAt,
  }));
}

/** Mappings the sync may use: enabled, and not flagged by drift. */
export async function listActiveMappings(workspaceId: string): Promise<MappingView[]> {
  return (await listMappings(workspaceId)).filter((m) => m.enabled && m.driftReason === null);
}

export async function mappingContext(workspaceId: string, tx: DbOrTx = getDb()): Promise<MappingContext> {
  const [sources, cache, saved] = [await loadMappingSources(workspaceId, tx), await getAttributeCache(workspaceId, tx), await listMappings(workspaceId, tx)];
  return { sources, attributes: cache.attributes, savedAttributeById: Object.fromEntries(saved.map((m) => [m.id, m.attribute])) };
}

function splitRef(ref: string): { sourceType: "group" | "question" | "segment" | "behavior"; sourceId: string } {
  const [type, ...rest] = ref.split(":");
  return { sourceType: type as "group" | "question" | "segment" | "behavior", sourceId: rest.join(":") };
}

/**
 * Replaces the draft mapping set with `input`, after checking every row against the rules table
 * with what the database says about sources and attributes.
 */
export async function saveMappings(actor: Actor, input: SaveMappingsInput): Promise<MappingView[]> {
  return getDb().transaction(async (tx) => {
    const c = tables.intercomConnections;
    const [connection] = await tx.select({ appId: c.intercomAppId }).from(c).where(eq(c.workspaceId, actor.workspaceId));
    if (!connection) throw new NotConnectedError();
    const context = await mappingContext(actor.workspaceId, tx);
    const parsed = mappingsSchemaFor(context).safeParse(input);
    if (!parsed.success) {
      throw new RuleViolationError("Some mappings can't be saved. Check the highlighted rows.", { fieldErrors: fieldErrorsOf(parsed.error) });
    }
    const attributes = new Map(context.attributes.map((a) => [a.name, a]));
    const m = tables.fieldMappings;
    const keepIds = parsed.data.mappings.map((r) => r.id).filter((id): id is string => Boolean(id && id in context.savedAttributeById));
    const removed = await tx
      .delete(m)
      .where(and(eq(m.workspaceId, actor.workspaceId), keepIds.length ? notInArray(m.id, keepIds) : undefined))
      .returning({ id: m.id });
    let added = 0;
    let changed = 0;
    const now = new Date();
    for (const [position, row] of parsed.data.mappings.entries()) {
      const values = {
        ...splitRef(row.source),
        attributeName: row.attribute,
        conversion: row.conversion,
        options: mappingOptions(row.conversion, row.separator, row.longStrings),
        writePolicy: row.writePolicy,
        enabled: row.enabled,
        driftReason: driftOf(attributes.get(row.attribute), row.conversion as Conversion),
        position,
        updatedAt: now,
        updatedByUserId: actor.userId,
      };
      if (row.id && row.id in context.savedAttributeById) {
        changed++;
        await tx.update(m).set(values).where(and(eq(m.workspaceId, actor.workspaceId), eq(m.id, row.id)));
      } else {
        added++;
        await tx.insert(m).values({ workspaceId: actor.workspaceId, ...values });
      }
    }
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: "mappings.saved",
        details: { total: parsed.data.mappings.length, added, kept: changed, removed: removed.length },
      },
      tx,
    );
    await noteDraftEdit(actor, tx);
    return listMappings(actor.workspaceId, tx);
  });
}

/** Deletes mappings that read from the given sources (used when a group, question or segment is deleted). */
export async function deleteMappingsForSources(workspaceId: string, refs: string[], tx: DbOrTx): Promise<string[]> {
  if (refs.length === 0) return [];
  const m = tables.fieldMappings;
  const byType = { group: [] as string[], question: [] as string[], segment: [] as string[], behavior: [] as string[] };
  for (const ref of refs) {
    const { sourceType, sourceId } = splitRef(ref);
    byType[sourceType].push(sourceId);
  }
  const deleted: string[] = [];
  for (const [type, ids] of Object.entries(byType) as [keyof typeof byType, string[]][]) {
    if (ids.length === 0) continue;
    const rows = await tx
      .delete(m)
      .where(and(eq(m.workspaceId, workspaceId), eq(m.sourceType, type), inArray(m.sourceId, ids)))
      .returning({ attributeName: m.attributeName });
    deleted.push(...rows.map((r) => r.attributeName));
  }
  return deleted;
}

/** After a group or question changed: every saved mapping must still fit the rules table. */
export async function assertMappingsStillFit(workspaceId: string, tx: DbOrTx): Promise<void> {
  const context = await mappingContext(workspaceId, tx);
  const saved = await listMappings(workspaceId, tx);
  const result = mappingsSchemaFor(context).safeParse({
    mappings: saved.map((s) => ({ id: s.id, source: s.source, attribute: s.attribute, conversion: s.conversion, separator: s.separator, longStrings: s.longStrings, writePolicy: s.writePolicy, enabled: s.enabled })),
  });
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new RuleViolationError(`This change breaks a field mapping: ${first.message} Change the mapping first.`);
  }
}

export type MappingHealth = { total: number; enabled: number; drifted: { attributeName: string; reason: DriftReason }[] };

export async function getMappingHealth(workspaceId: string): Promise<MappingHealth> {
  const all = await listMappings(workspaceId);
  return {
    total: all.length,
    enabled: all.filter((m) => m.enabled).length,
    drifted: all.filter((m) => m.driftReason).map((m) => ({ attributeName: m.attribute, reason: m.driftReason! })),
  };
}

export type CreateAttributeResult = { name: string; summary: ReloadSummary };

/** "Create new Intercom field": POST /data_attributes, then reload the cache so the row can select it. */
export async function createIntercomAttribute(actor: Actor, input: CreateAttributeInput & { description?: string }): Promise<CreateAttributeResult> {
  let created;
  try {
    created = await withIntercom(actor.workspaceId, (client) =>
      client.createContactAttribute({ name: input.name.trim(), dataType: input.dataType, description: input.description || "Written by Tailor" }),
    );
  } catch (error) {
    if (error instanceof IntercomValidationError) {
      throw new RuleViolationError(error.message, { fieldErrors: { name: error.message }, details: { reason: error.reason } });
    }
    throw error;
  }
  await recordAudit({
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: "intercom.attribute_created",
    target: created.name,
    details: { dataType: input.dataType },
  });
  return { name: created.name, summary: await reloadAttributes(actor) };
}

/** Stored in field_mappings.options: the separator of joined conversions, and a non-default long-text policy. */
function mappingOptions(conversion: string, separator: string, longStrings: LongStringPolicy): Record<string, unknown> | null {
  const options: Record<string, unknown> = {};
  if (conversion.startsWith("joined_")) options.separator = separator || DEFAULT_SEPARATOR;
  if (longStrings !== DEFAULT_LONG_STRING_POLICY) options.longStrings = longStrings;
  return Object.keys(options).length > 0 ? options : null;
}
