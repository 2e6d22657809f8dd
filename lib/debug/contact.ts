import "server-only";
import { holdoutNote } from "@/lib/analytics/holdout";
import { latestVisitorOf } from "@/lib/runtime/contact-visitor";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { previewFlows } from "@/lib/flows/engine";
import { workspaceFacts } from "@/lib/runtime/flows";
import { getAttributeCache } from "@/lib/intercom-integration/attributes";
import { NotConnectedError, withIntercom } from "@/lib/intercom-integration/connection";
import type { Conversion, SourceKind } from "@/lib/intercom-integration/mapping-rules";
import { listMappings } from "@/lib/intercom-integration/mappings";
import { IntercomNotFoundError, isIntercomError, type ContactTag, type IntercomContact, type TailorIntercomClient } from "@/lib/intercom";
import { previewDraft } from "@/lib/personalizations/preview-result";
import { getLiveConfig } from "@/lib/publishing/versions";
import { toRuleContact } from "@/lib/rules/contact-context";
import { renderContent } from "@/lib/rules/render-content";
import { contactCache } from "@/lib/intercom-integration/contact-cache";
import { pickContact } from "@/lib/runtime/pick-contact";
import { knownSegments } from "@/lib/runtime/known-segments";
import { visitorSegments } from "@/lib/runtime/visitors";
import { explainIntercomFailure } from "./messages";
import { detectIdentity, type LookupContactInput } from "./schema";
import { readSyncLog } from "./sync-log";
import { createCallRecorder, type CallRecorder } from "./telemetry";
import type { AttributeRow, ContactMatch, DebugContactView, LookupResult, PlanGroup, ScalarValue, TailorVisitor, WritePlan } from "./types";

// The debug panel's reads. Every lookup goes to Intercom (never the contact cache) and then
// refreshes the cache entry, so the website sees what support just saw.

/** Calls in the panel: one attempt each, so what it shows is exactly what happened. */
export const DEBUG_INTERCOM_OPTIONS = { maxRetries: 0 } as const;

export type LoadedContact = { contact: IntercomContact; tags: ContactTag[] };

type AttributeDef = { name: string; label: string; dataType: string; custom: boolean; archived: boolean; apiWritable: boolean };

const iso = (unixSeconds: number | null) => (unixSeconds === null ? null : new Date(unixSeconds * 1000).toISOString());

export async function readContact(
  client: TailorIntercomClient,
  rec: CallRecorder,
  id: string,
  { operation = "Read contact", primary = true }: { operation?: string; primary?: boolean } = {},
): Promise<LoadedContact> {
  const contact = await rec.track(operation, { method: "GET", path: `/contacts/${id}`, primary }, () => client.getContact(id));
  const tags =
    contact.tagCount > 0
      ? await rec.track("Read tag names", { method: "GET", path: `/contacts/${id}/tags` }, () => client.listContactTags(id))
      : [];
  return { contact, tags };
}

/** Puts what was just read into the shared contact cache, replacing whatever it held. */
export async function refreshContactCache(workspaceId: string, loaded: LoadedContact): Promise<void> {
  const cache = contactCache();
  cache.invalidate(workspaceId, loaded.contact.id);
  await cache.get(workspaceId, loaded.contact.id, async () => ({ ...loaded, fetchedAt: Date.now() }));
}

/** Attribute definitions with types: the cached list, or Intercom's when it was never loaded. */
export async function attributeDefinitions(workspaceId: string, client: TailorIntercomClient, rec: CallRecorder): Promise<AttributeDef[]> {
  const cache = await getAttributeCache(workspaceId);
  if (cache.loadedAt) return cache.attributes.filter((a) => !a.removed);
  return rec.track("List contact attributes", { method: "GET", path: "/data_attributes" }, () =>
    client.listContactAttributes({ includeArchived: true }),
  );
}

async function attributeTypes(workspaceId: string): Promise<Map<string, string>> {
  const cache = await getAttributeCache(workspaceId);
  return new Map(cache.attributes.filter((a) => !a.removed).map((a) => [a.name, a.dataType]));
}

type MappingRow = { id: string; source: string; sourceLabel: string; attribute: string; conversion: string; separator: string };

/** The mappings a test write uses (published, else draft), grouped by the segment group they read. */
export async function loadWritePlan(workspaceId: string, types?: Map<string, string>): Promise<WritePlan> {
  const live = await getLiveConfig(workspaceId);
  let source: WritePlan["source"] = "none";
  let rows: MappingRow[] = [];
  if (live.snapshot.mappings.length > 0) {
    source = "published";
    rows = live.snapshot.mappings.filter((m) => m.enabled);
  } else {
    const draft = (await listMappings(workspaceId)).filter((m) => m.enabled);
    if (draft.length > 0) {
      source = "draft";
      rows = draft.map((m) => ({ ...m, sourceLabel: m.source }));
    }
  }
  const typeOf = types ?? (await attributeTypes(workspaceId));
  const { segmentGroups, segments, questions } = tables;
  const db = getDb();
  const [groups, segs, qs] = await Promise.all([
    db.select().from(segmentGroups).where(eq(segmentGroups.workspaceId, workspaceId)).orderBy(segmentGroups.position),
    db.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(segments.position),
    db.select({ id: questions.id, groupId: questions.groupId, text: questions.text }).from(questions).where(eq(questions.workspaceId, workspaceId)),
  ]);
  const planGroups = new Map<string, PlanGroup>();
  for (const m of rows) {
    const [type, ...rest] = m.source.split(":");
    const sourceId = rest.join(":");
    const segment = type === "segment" ? segs.find((s) => s.id === sourceId) : undefined;
    const groupId = type === "group" ? sourceId : type === "question" ? qs.find((q) => q.id === sourceId)?.groupId : segment?.groupId;
    const group = groups.find((g) => g.id === groupId);
    if (!group) continue; // its source was deleted after publishing: nothing to choose from
    const kind: SourceKind = segment
      ? "segment"
      : group.kind === "numeric_bucket"
        ? "numeric_bucket"
        : group.selection === "multi"
          ? "multi_select"
          : "single_select";
    const entry =
      planGroups.get(group.id) ??
      ({
        id: group.id,
        key: group.key,
        name: group.name,
        selection: group.selection,
        segments: segs.filter((s) => s.groupId === group.id).map((s) => ({ key: s.key, name: s.name, numericValue: s.numericValue })),
        mappings: [],
      } satisfies PlanGroup);
    entry.mappings.push({
      id: m.id,
      attribute: m.attribute,
      conversion: m.conversion as Conversion,
      separator: m.separator,
      sourceKind: kind,
      sourceLabel: segment ? `${group.name} → ${segment.name}` : type === "question" ? `Question ${m.sourceLabel}` : group.name,
      ...(segment ? { segmentKey: segment.key } : {}),
      dataType: typeOf.get(m.attribute) ?? null,
    });
    planGroups.set(group.id, entry);
  }
  return { source: planGroups.size > 0 ? source : "none", version: source === "published" ? live.version : null, groups: [...planGroups.values()] };
}

async function tailorVisitors(workspaceId: string, contact: IntercomContact): Promise<TailorVisitor[]> {
  const v = tables.visitors;
  const email = contact.email?.toLowerCase();
  const rows = await getDb()
    .select()
    .from(v)
    .where(and(eq(v.workspaceId, workspaceId), email ? or(eq(v.intercomContactId, contact.id), sql`lower(${v.email}) = ${email}`) : eq(v.intercomContactId, contact.id)))
    .orderBy(desc(v.lastSeenAt))
    .limit(20);
  if (rows.length === 0) return [];
  const a = tables.visitorAnswers;
  const answers = await getDb()
    .select()
    .from(a)
    .where(and(eq(a.workspaceId, workspaceId), inArray(a.visitorId, rows.map((r) => r.id))))
    .orderBy(desc(a.answeredAt));
  const { segmentGroups, segments } = tables;
  const groups = await getDb().select({ id: segmentGroups.id, key: segmentGroups.key, name: segmentGroups.name }).from(segmentGroups).where(eq(segmentGroups.workspaceId, workspaceId));
  const segs = await getDb().select({ groupId: segments.groupId, key: segments.key, name: segments.name }).from(segments).where(eq(segments.workspaceId, workspaceId));
  const groupByKey = new Map(groups.map((g) => [g.key, g]));
  return rows.map((r) => ({
    id: r.id,
    anonymousId: `${r.anonymousId.slice(0, 8)}…`,
    email: r.email,
    linkedBy: r.intercomContactId === contact.id ? "contact id" : "email",
    linkReason: r.linkReason,
    identifiedAt: r.identifiedAt?.toISOString() ?? null,
    lastSeenAt: r.lastSeenAt.toISOString(),
    answers: answers
      .filter((x) => x.visitorId === r.id)
      .map((x) => {
        const group = groupByKey.get(x.groupKey);
        const names = x.segmentKeys.map((k) => segs.find((s) => s.groupId === group?.id && s.key === k)?.name ?? k);
        return { question: x.questionKey, group: group?.name ?? x.groupKey, segments: names, answeredAt: x.answeredAt.toISOString() };
      }),
  }));
}

const STANDARD_FIELDS: { name: string; dataType: string; read: (c: IntercomContact) => ScalarValue | undefined }[] = [
  { name: "role", dataType: "string", read: (c) => c.role },
  { name: "name", dataType: "string", read: (c) => c.name ?? undefined },
  { name: "email", dataType: "string", read: (c) => c.email ?? undefined },
  { name: "phone", dataType: "string", read: (c) => c.phone ?? undefined },
  { name: "external_id", dataType: "string", read: (c) => c.externalId ?? undefined },
  { name: "created_at", dataType: "date", read: (c) => c.createdAt ?? undefined },
  { name: "updated_at", dataType: "date", read: (c) => c.updatedAt ?? undefined },
];

/** Everything the panel shows about one contact, from what Intercom just returned and Tailor's own rows. */
export async function buildContactView(workspaceId: string, loaded: LoadedContact, defs: AttributeDef[]): Promise<DebugContactView> {
  const { contact, tags } = loaded;
  const types = new Map(defs.map((d) => [d.name, d.dataType]));
  const [plan, visitors, live] = await Promise.all([loadWritePlan(workspaceId, types), tailorVisitors(workspaceId, contact), getLiveConfig(workspaceId)]);
  const syncLog = await readSyncLog(workspaceId, contact.id, visitors.map((v) => v.id));

  const mappedFrom = new Map<string, string[]>();
  for (const g of plan.groups) for (const m of g.mappings) mappedFrom.set(m.attribute, [...new Set([...(mappedFrom.get(m.attribute) ?? []), g.name])]);

  const standardDefs = new Map(defs.filter((d) => !d.custom).map((d) => [d.name, d]));
  const standardAttributes: AttributeRow[] = STANDARD_FIELDS.map((f) => {
    const def = standardDefs.get(f.name);
    const value = f.read(contact);
    return {
      name: f.name,
      label: def?.label ?? f.name,
      dataType: def?.dataType ?? f.dataType,
      ...(value === undefined ? {} : { value }),
      archived: false,
      apiWritable: def?.apiWritable ?? false,
      mappedFrom: [],
    };
  });

  const customDefs = new Map(defs.filter((d) => d.custom).map((d) => [d.name, d]));
  const names = new Set([
    ...[...customDefs.values()].filter((d) => !d.archived).map((d) => d.name),
    ...Object.keys(contact.customAttributes),
    ...mappedFrom.keys(),
  ]);
  const customAttributes: AttributeRow[] = [...names]
    .sort((x, y) => Number(mappedFrom.has(y)) - Number(mappedFrom.has(x)) || x.localeCompare(y))
    .map((name) => {
      const def = customDefs.get(name);
      const has = Object.hasOwn(contact.customAttributes, name);
      return {
        name,
        label: def?.label ?? name,
        dataType: def?.dataType ?? null,
        ...(has ? { value: contact.customAttributes[name] ?? null } : {}),
        archived: def?.archived ?? false,
        apiWritable: def?.apiWritable ?? false,
        mappedFrom: mappedFrom.get(name) ?? [],
      };
    });

  // Segment conditions see the answers of the most recently seen linked visitor that has any.
  const answered = visitors.find((v) => v.answers.length > 0);
  const answeredSegments = answered ? await visitorSegments(answered.id) : {};
  const ruleContact = toRuleContact(contact, tags);
  const segments = await knownSegments(workspaceId, answeredSegments, ruleContact, live.snapshot.mappings);
  const context = { intercom: { available: true, contact: ruleContact }, segments };
  const fromIntercom = Object.entries(segments)
    .filter(([group]) => !Object.hasOwn(answeredSegments, group))
    .map(([group, keys]) => describeSegments(plan, group, keys));
  const latestVisitor = await latestVisitorOf(workspaceId, contact.id);
  const personalizations = live.snapshot.personalizations.map((p) => {
    const outcome = previewDraft(p, context);
    const contents = [
      { label: "Default content", shown: outcome.winner === null, tags: renderContent(p.defaultHtml, context).tags },
      ...p.variants.map((v) => ({ label: `Variant “${v.name}”`, shown: outcome.winner?.id === v.id, tags: renderContent(v.html, context).tags })),
    ].filter((c) => c.tags.length > 0);
    const holdout = holdoutNote(workspaceId, p, outcome.winner !== null, latestVisitor);
    return { placementKey: p.placementKey, name: p.name, winner: outcome.winner?.name ?? null, holdout, variants: outcome.variants, contents };
  });

  return {
    id: contact.id,
    role: contact.role,
    email: contact.email,
    name: contact.name,
    phone: contact.phone,
    externalId: contact.externalId,
    createdAt: iso(contact.createdAt),
    updatedAt: iso(contact.updatedAt),
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
    tagCount: contact.tagCount,
    standardAttributes,
    customAttributes,
    values: { ...contact.customAttributes },
    tailor: { visitors, syncLog },
    rules: {
      liveVersion: live.version,
      segmentsFrom: answered ? `visitor ${answered.anonymousId} (last seen ${answered.lastSeenAt})` : null,
      fromIntercom,
      flows: previewFlows(live.snapshot.flows, context, (await workspaceFacts(workspaceId)).questions),
      personalizations,
    },
    plan,
    readAt: new Date().toISOString(),
  };
}

function toMatch(c: IntercomContact): ContactMatch {
  return { id: c.id, role: c.role, name: c.name, email: c.email, updatedAt: iso(c.updatedAt) };
}

/** Looks a contact up in Intercom by email or id. Intercom failures come back as values, with the calls made. */
export async function lookupContact(workspaceId: string, input: LookupContactInput): Promise<LookupResult> {
  const rec = createCallRecorder();
  const detected = detectIdentity(input.query);
  if (detected.kind !== "email" && detected.kind !== "contact_id") {
    return { kind: "error", message: detected.kind === "invalid" ? detected.message : "Enter an email address or an Intercom contact id.", calls: [] };
  }
  let contactId = input.contactId ?? (detected.kind === "contact_id" ? detected.value : null);
  try {
    const found = await withIntercom(
      workspaceId,
      async (client) => {
        let pickedBecause: string | null = null;
        if (!contactId) {
          const email = detected.value;
          const matches = await rec.track(
            "Search contacts by email",
            { method: "POST", path: "/contacts/search", request: { query: { field: "email", operator: "=", value: email } }, primary: true },
            () => client.searchContactsByEmail(email),
          );
          const choice = pickContact(matches);
          if (!choice) return { kind: "not_found" as const, message: `No Intercom contact has the email ${email}.` };
          if (matches.length > 1) {
            return { kind: "several" as const, matches: matches.map(toMatch), defaultId: choice.contact.id, reason: choice.reason };
          }
          contactId = choice.contact.id;
          pickedBecause = choice.reason;
        } else if (input.contactId) {
          pickedBecause = "chosen from the matches";
        }
        const loaded = await readContact(client, rec, contactId);
        const defs = await attributeDefinitions(workspaceId, client, rec);
        return { kind: "loaded" as const, loaded, defs, pickedBecause };
      },
      { ...DEBUG_INTERCOM_OPTIONS, onResponse: rec.onResponse },
    );
    if (found.kind === "not_found") return { ...found, calls: rec.calls() };
    if (found.kind === "several") return { ...found, query: detected.value, calls: rec.calls() };
    await refreshContactCache(workspaceId, found.loaded);
    const contact = await buildContactView(workspaceId, found.loaded, found.defs);
    return { kind: "contact", contact, pickedBecause: found.pickedBecause, calls: rec.calls() };
  } catch (error) {
    if (error instanceof IntercomNotFoundError && contactId) {
      return { kind: "not_found", message: `No Intercom contact has the id ${contactId} (it may have been deleted or merged).`, calls: rec.calls() };
    }
    if (isIntercomError(error) || error instanceof NotConnectedError) {
      return { kind: "error", message: explainIntercomFailure(error, "lookup"), calls: rec.calls() };
    }
    throw error;
  }
}

/** "Role: Founder", with the names the write plan knows (inferred groups are always mapped ones). */
function describeSegments(plan: WritePlan, groupKey: string, keys: string[]): string {
  const group = plan.groups.find((g) => g.key === groupKey);
  const names = keys.map((key) => group?.segments.find((s) => s.key === key)?.name ?? key);
  return `${group?.name ?? groupKey}: ${names.join(", ")}`;
}
