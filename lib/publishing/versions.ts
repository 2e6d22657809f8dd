import { BEHAVIOR_FIELDS } from "@/db/schema/behavior-fields";
import { contentProblems } from "@/lib/rules/html-policy";
import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { dialect, getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { knownQuestions } from "@/lib/flows/flows";
import { validateFlow } from "@/lib/flows/validate";
import { mappingPublishBlockers, refreshDrift } from "@/lib/intercom-integration/attributes";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { broadcastInvalidate, onInvalidate } from "@/lib/shared/bus";
import { clearDraftAuthors, draftAuthorIds } from "@/lib/drafts/authors";
import { buildDraftSnapshot, diffSnapshots, emptySnapshot, normalizeSnapshot, sameSnapshot, type ConfigSnapshot } from "./snapshot";

type Actor = { workspaceId: string; userId: string };

export type VersionView = {
  id: string;
  version: number;
  changes: string[];
  restoredFromVersion: number | null;
  publishedBy: string | null;
  /** Who changed the draft this version published (names); null for versions published before authorship was recorded. */
  authors: string[] | null;
  publishedAt: Date;
};

export type LiveConfig = { version: number | null; snapshot: ConfigSnapshot };

export async function latestVersion(workspaceId: string, tx: DbOrTx = getDb()) {
  const v = tables.configVersions;
  const [row] = await tx.select().from(v).where(eq(v.workspaceId, workspaceId)).orderBy(desc(v.version)).limit(1);
  return row ?? null;
}

// The runtime reads the live version on every decision; keep it in memory for a few seconds.
// A publish clears the entry on every node at once (lib/shared/bus.ts); the TTL is the safety net.
const LIVE_TTL_MS = 5_000;
const globalForLive = globalThis as unknown as { tailorLiveConfig?: Map<string, { at: number; config: LiveConfig }> };
const liveCache = (globalForLive.tailorLiveConfig ??= new Map());
onInvalidate("live", (workspaceId) => (workspaceId === "*" ? liveCache.clear() : liveCache.delete(workspaceId)));

/** The published configuration the website sees (empty before the first publish). */
/** This process's fresh copy of the live configuration, read synchronously; undefined when getLiveConfig must load it. */
export function cachedLiveConfig(workspaceId: string): LiveConfig | undefined {
  const hit = liveCache.get(workspaceId);
  return hit && Date.now() - hit.at < LIVE_TTL_MS ? hit.config : undefined;
}

export async function getLiveConfig(workspaceId: string): Promise<LiveConfig> {
  const cached = cachedLiveConfig(workspaceId);
  if (cached) return cached;
  const row = await latestVersion(workspaceId);
  const config: LiveConfig = row ? { version: row.version, snapshot: normalizeSnapshot(row.snapshot) } : { version: null, snapshot: emptySnapshot };
  liveCache.set(workspaceId, { at: Date.now(), config });
  return config;
}

export type PublishStatus = {
  liveVersion: number | null;
  changes: string[];
  /** What must be fixed before the draft can go live (e.g. a flow with a loop); publishing refuses while any remain. */
  blockers: string[];
};

/** What Publish would change, as readable lines; empty when the draft equals the live version. */
export async function getPublishStatus(workspaceId: string): Promise<PublishStatus> {
  const [live, draft] = await Promise.all([latestVersion(workspaceId), buildDraftSnapshot(workspaceId)]);
  const liveSnapshot = live ? normalizeSnapshot(live.snapshot) : emptySnapshot;
  const changes = sameSnapshot(liveSnapshot, draft) ? [] : diffSnapshots(liveSnapshot, draft);
  return { liveVersion: live?.version ?? null, changes, blockers: changes.length > 0 ? await publishBlockers(workspaceId, draft) : [] };
}

/** Enabled flows must be valid to go live (a turned-off flow may stay unfinished); enabled mappings must target a writable attribute. */
export async function publishBlockers(workspaceId: string, draft: ConfigSnapshot, tx?: DbOrTx): Promise<string[]> {
  const questions = await knownQuestions(workspaceId, tx);
  // Content saved before the HTML checks existed is checked again here: unsafe content never goes live.
  const content = draft.personalizations.flatMap((p) =>
    [{ label: "default content", html: p.defaultHtml }, ...p.variants.map((v) => ({ label: `variant "${v.name}"`, html: v.html }))].flatMap(({ label, html }) =>
      contentProblems(html).map((message) => `Personalization "${p.name}", ${label}: ${message}`),
    ),
  );
  const flowProblems = draft.flows
    .filter((flow) => flow.enabled)
    .flatMap((flow) => validateFlow(flow, questions).map((p) => `Flow "${flow.name}": ${p.message}`));
  return [...content, ...flowProblems, ...(await mappingPublishBlockers(workspaceId, draft.mappings, tx))];
}

/**
 * Publishing is one at a time per workspace: the second of two simultaneous publishes (or answers
 * to a publish request) waits for the first and then sees what it did. Postgres locks the workspace
 * row for the rest of the transaction; SQLite already runs one write transaction at a time.
 */
export async function lockPublishing(workspaceId: string, tx: DbOrTx): Promise<void> {
  if (dialect !== "postgres") return;
  await (tx as unknown as NodePgDatabase).execute(sql`SELECT id FROM workspaces WHERE id = ${workspaceId} FOR UPDATE`);
}

export async function insertVersion(
  actor: Actor,
  tx: DbOrTx,
  snapshot: ConfigSnapshot,
  changes: string[],
  { restoredFromVersion = null, authorUserIds }: { restoredFromVersion?: number | null; authorUserIds: string[] },
) {
  const v = tables.configVersions;
  const [{ last } = { last: null }] = await tx.select({ last: max(v.version) }).from(v).where(eq(v.workspaceId, actor.workspaceId));
  const version = (last ?? 0) + 1;
  await tx
    .insert(v)
    .values({
      workspaceId: actor.workspaceId,
      version,
      snapshot,
      changes,
      restoredFromVersion,
      authorUserIds,
      publishedByUserId: actor.userId,
      publishedAt: new Date(),
    });
  return version;
}

/** Makes the current draft live as a new, immutable version. */
export async function publishDraft(actor: Actor): Promise<{ version: number; changes: string[] }> {
  const result = await getDb().transaction(async (tx) => {
    await lockPublishing(actor.workspaceId, tx);
    const live = await latestVersion(actor.workspaceId, tx);
    const liveSnapshot = live ? normalizeSnapshot(live.snapshot) : emptySnapshot;
    const draft = await buildDraftSnapshot(actor.workspaceId, tx);
    if (live && sameSnapshot(liveSnapshot, draft)) throw new RuleViolationError("There are no unpublished changes.");
    const blockers = await publishBlockers(actor.workspaceId, draft, tx);
    if (blockers.length > 0) {
      throw new RuleViolationError(`Fix ${blockers.length === 1 ? "this problem" : `these ${blockers.length} problems`} before publishing: ${blockers.join(" ")}`);
    }
    const changes = diffSnapshots(liveSnapshot, draft);
    const version = await insertVersion(actor, tx, draft, changes, { authorUserIds: await draftAuthorIds(actor.workspaceId, tx) });
    await clearDraftAuthors(actor.workspaceId, tx);
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "config.published", target: `v${version}`, details: { changes: changes.length } }, tx);
    return { version, changes };
  });
  await broadcastInvalidate("live", actor.workspaceId);
  return result;
}

/** Puts an old version back: the draft becomes that version and it is published as a new version. */
export async function restoreVersion(actor: Actor, version: number): Promise<{ version: number; changes: string[] }> {
  const v = tables.configVersions;
  const result = await getDb().transaction(async (tx) => {
    await lockPublishing(actor.workspaceId, tx);
    const [old] = await tx.select().from(v).where(and(eq(v.workspaceId, actor.workspaceId), eq(v.version, version)));
    if (!old) throw new NotFoundError(`Version ${version} does not exist in this workspace.`);
    const snapshot = normalizeSnapshot(old.snapshot);
    const live = await latestVersion(actor.workspaceId, tx);
    const changes = diffSnapshots(live ? normalizeSnapshot(live.snapshot) : emptySnapshot, snapshot);

    await restorePersonalizations(tx, actor.workspaceId, snapshot);
    await restoreMappings(tx, actor.workspaceId, snapshot);
    await restoreFlows(tx, actor.workspaceId, snapshot);
    // Restoring rewrites the whole draft: whoever restores is the author of the new version.
    const newVersion = await insertVersion(actor, tx, snapshot, changes, { restoredFromVersion: version, authorUserIds: [actor.userId] });
    await clearDraftAuthors(actor.workspaceId, tx);
    await recordAudit(
      { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "config.restored", target: `v${version}`, details: { newVersion: `v${newVersion}` } },
      tx,
    );
    return { version: newVersion, changes };
  });
  await broadcastInvalidate("live", actor.workspaceId);
  return result;
}

export async function listVersions(workspaceId: string, limit = 50): Promise<VersionView[]> {
  const v = tables.configVersions;
  const rows = await getDb()
    .select({
      id: v.id,
      version: v.version,
      changes: v.changes,
      restoredFromVersion: v.restoredFromVersion,
      authorUserIds: v.authorUserIds,
      publishedBy: tables.users.name,
      publishedAt: v.publishedAt,
    })
    .from(v)
    .leftJoin(tables.users, eq(tables.users.id, v.publishedByUserId))
    .where(eq(v.workspaceId, workspaceId))
    .orderBy(desc(v.version))
    .limit(limit);
  const names = await userNames(rows.flatMap((r) => r.authorUserIds ?? []));
  return rows.map(({ authorUserIds, ...row }) => ({ ...row, authors: authorUserIds ? authorUserIds.map((id) => names.get(id) ?? "A former member") : null }));
}

/** Display names of users by id (a removed account is simply absent). */
export async function userNames(ids: string[], tx: DbOrTx = getDb()): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const u = tables.users;
  const rows = await tx.select({ id: u.id, name: u.name }).from(u).where(inArray(u.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Puts a version's mappings back into the draft. A mapping whose source (group, question, segment)
 * was deleted since cannot come back; it is left out rather than pointing at nothing.
 */
async function restoreMappings(tx: DbOrTx, workspaceId: string, snapshot: ConfigSnapshot) {
  const m = tables.fieldMappings;
  const { segmentGroups, questions, segments } = tables;
  const existing = new Set<string>();
  for (const g of await tx.select({ id: segmentGroups.id }).from(segmentGroups).where(eq(segmentGroups.workspaceId, workspaceId))) existing.add(`group:${g.id}`);
  for (const q of await tx.select({ id: questions.id }).from(questions).where(eq(questions.workspaceId, workspaceId))) existing.add(`question:${q.id}`);
  for (const s of await tx.select({ id: segments.id }).from(segments).where(eq(segments.workspaceId, workspaceId))) existing.add(`segment:${s.id}`);
  for (const field of Object.keys(BEHAVIOR_FIELDS)) existing.add(`behavior:${field}`);
  await tx.delete(m).where(eq(m.workspaceId, workspaceId));
  const rows = snapshot.mappings
    .filter((x) => existing.has(x.source))
    .map((x, position) => {
      const [sourceType, ...rest] = x.source.split(":");
      return {
        id: x.id,
        workspaceId,
        sourceType: sourceType as "group" | "question" | "segment" | "behavior",
        sourceId: rest.join(":"),
        attributeName: x.attribute,
        conversion: x.conversion,
        options: { separator: x.separator },
        writePolicy: x.writePolicy,
        enabled: x.enabled,
        position,
        updatedAt: new Date(),
      };
    });
  if (rows.length > 0) await tx.insert(m).values(rows);
  await refreshDrift(workspaceId, tx); // drift is today's Intercom state, not the old version's
}

/** Puts a version's personalizations back into the draft, keeping the row (and id) of each placement. */
async function restorePersonalizations(tx: DbOrTx, workspaceId: string, snapshot: ConfigSnapshot) {
  const p = tables.personalizations;
  const current = await tx.select({ id: p.id, placementKey: p.placementKey }).from(p).where(eq(p.workspaceId, workspaceId));
  const idOf = new Map(current.map((row) => [row.placementKey, row.id]));
  const keep = new Set(snapshot.personalizations.map((item) => item.placementKey));
  const stale = current.filter((row) => !keep.has(row.placementKey)).map((row) => row.id);
  if (stale.length > 0) await tx.delete(p).where(and(eq(p.workspaceId, workspaceId), inArray(p.id, stale)));
  const now = new Date();
  for (const [position, item] of snapshot.personalizations.entries()) {
    const values = { name: item.name, defaultHtml: item.defaultHtml, variants: item.variants, position, updatedAt: now };
    const id = idOf.get(item.placementKey);
    if (id) await tx.update(p).set(values).where(eq(p.id, id));
    else await tx.insert(p).values({ workspaceId, placementKey: item.placementKey, ...values });
  }
}

/** Puts a version's flows back into the draft, keeping the row (and id) of each flow key. */
async function restoreFlows(tx: DbOrTx, workspaceId: string, snapshot: ConfigSnapshot) {
  const f = tables.flows;
  const current = await tx.select({ id: f.id, key: f.key }).from(f).where(eq(f.workspaceId, workspaceId));
  const idOf = new Map(current.map((row) => [row.key, row.id]));
  const keep = new Set(snapshot.flows.map((flow) => flow.key));
  const stale = current.filter((row) => !keep.has(row.key)).map((row) => row.id);
  if (stale.length > 0) await tx.delete(f).where(and(eq(f.workspaceId, workspaceId), inArray(f.id, stale)));
  const now = new Date();
  for (const [position, flow] of snapshot.flows.entries()) {
    const values = {
      name: flow.name,
      enabled: flow.enabled,
      audience: flow.audience as unknown as Record<string, unknown>,
      steps: flow.steps,
      position,
      updatedAt: now,
    };
    const id = idOf.get(flow.key);
    if (id) await tx.update(f).set(values).where(eq(f.id, id));
    else await tx.insert(f).values({ workspaceId, key: flow.key, ...values });
  }
}
