import { and, asc, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { NotConnectedError, withIntercom } from "@/lib/intercom-integration/connection";
import { IntercomError, IntercomNotFoundError } from "@/lib/intercom";
import { getLiveConfig } from "@/lib/publishing/versions";
import { broadcastInvalidate, onInvalidate } from "@/lib/shared/bus";
import { TwoLevelCache } from "@/lib/shared/two-level-cache";
import { queueIdentifiedVisitor } from "@/lib/sync/outbox";
import { canWriteToContact, type IdentifiedBy } from "@/lib/identity/trust";
import { rememberContact } from "./contact-read";
import { pickContact } from "./pick-contact";
import { env } from "@/lib/env";

export type VisitorRow = typeof tables.visitors.$inferSelect;

// last_seen_at is refreshed at most this often, so a page view is a read, not a write.
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Finds or creates the visitor behind an anonymous id (the snippet's first-party cookie). */
export async function touchVisitor(workspaceId: string, anonymousId: string): Promise<VisitorRow> {
  const v = tables.visitors;
  const db = getDb();
  const now = new Date();
  const where = and(eq(v.workspaceId, workspaceId), eq(v.anonymousId, anonymousId));
  const [existing] = await db.select().from(v).where(where);
  if (existing) {
    if (now.getTime() - existing.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await db.update(v).set({ lastSeenAt: now }).where(eq(v.id, existing.id));
    }
    return existing;
  }
  await db.insert(v).values({ workspaceId, anonymousId, lastSeenAt: now }).onConflictDoNothing();
  const [row] = await db.select().from(v).where(where);
  return row!;
}

export type Identity = { email: string } | { intercomContactId: string };
export type LinkOutcome = "linked" | "no_match" | "not_connected" | "unavailable";
export type IdentifyResult = { linked: boolean; outcome: LinkOutcome; intercomContactId: string | null; reason: string };

// Identification happens in the page's request path: short timeout, no retry.
export const RUNTIME_INTERCOM_OPTIONS = { timeoutMs: 2_000, maxRetries: 0 } as const;

/**
 * Links the visitor to one Intercom contact: by id, or by email (several may match: see
 * pickContact). The link and its reason are stored; without Intercom the email is kept and
 * linking is retried at the next decision.
 */
export async function resolveContact(workspaceId: string, identity: Identity): Promise<IdentifyResult> {
  try {
    return await withIntercom(
      workspaceId,
      async (client) => {
        if ("intercomContactId" in identity) {
          const contact = await client.getContact(identity.intercomContactId);
          await rememberContact(workspaceId, client, contact);
          return { linked: true, outcome: "linked" as const, intercomContactId: contact.id, reason: "identified by Intercom contact id" };
        }
        const choice = pickContact(await client.searchContactsByEmail(identity.email));
        if (!choice) return { linked: false, outcome: "no_match" as const, intercomContactId: null, reason: "no Intercom contact has this email" };
        // The search returned the whole contact: no second read for the decisions that follow.
        await rememberContact(workspaceId, client, choice.contact);
        return { linked: true, outcome: "linked" as const, intercomContactId: choice.contact.id, reason: choice.reason };
      },
      RUNTIME_INTERCOM_OPTIONS,
    );
  } catch (error) {
    if (error instanceof NotConnectedError) return { linked: false, outcome: "not_connected", intercomContactId: null, reason: "Intercom is not connected" };
    if (error instanceof IntercomNotFoundError) return { linked: false, outcome: "no_match", intercomContactId: null, reason: "no Intercom contact has this id" };
    if (error instanceof IntercomError) {
      return { linked: false, outcome: "unavailable", intercomContactId: null, reason: `Intercom unavailable (${error.kind}); will retry` };
    }
    throw error;
  }
}

/**
 * Links the visitor to the claimed identity, recording how it was accepted (`identifiedBy`, from
 * lib/identity). Only a writable identity (verified, or verification off) gets the visitor's
 * answers queued for the contact; an unverified one is read-only.
 */
export async function identifyVisitor(workspaceId: string, anonymousId: string, identity: Identity, identifiedBy: IdentifiedBy): Promise<IdentifyResult> {
  const visitor = await touchVisitor(workspaceId, anonymousId);
  const result = await resolveContact(workspaceId, identity);
  const email = "email" in identity ? identity.email : visitor.email;
  const contactId = result.intercomContactId ?? ("intercomContactId" in identity ? null : visitor.intercomContactId);
  const { mappings } = (await getLiveConfig(workspaceId)).snapshot;
  // Linking and queueing the visitor's mapped answers for the contact commit together.
  await getDb().transaction(async (tx) => {
    await tx
      .update(tables.visitors)
      .set({ email, intercomContactId: contactId, linkReason: result.reason, identifiedBy, identifiedAt: new Date() })
      .where(eq(tables.visitors.id, visitor.id));
    const newlyWritable = contactId !== visitor.intercomContactId || !canWriteToContact(visitor.identifiedBy);
    if (contactId && canWriteToContact(identifiedBy) && newlyWritable) {
      await queueIdentifiedVisitor(tx, { workspaceId, visitorId: visitor.id, contactId, email, identifiedBy, mappings });
    }
  });
  await forgetVisitorState(workspaceId, anonymousId);
  return result;
}

/** The visitor's Tailor segments from their answers: group key → segment keys (latest answer wins). */
export async function visitorSegments(visitorId: string): Promise<Record<string, string[]>> {
  const a = tables.visitorAnswers;
  const rows = await getDb().select().from(a).where(eq(a.visitorId, visitorId)).orderBy(asc(a.answeredAt));
  return segmentsOf(rows);
}

/** Answers in answered order → group key → segment keys; a later answer replaces an earlier one. */
function segmentsOf(rows: { groupKey: string | null; segmentKeys: string[] | null }[]): Record<string, string[]> {
  const segments: Record<string, string[]> = {};
  for (const row of rows) if (row.groupKey && row.segmentKeys) segments[row.groupKey] = row.segmentKeys;
  return segments;
}

type VisitorState = { visitor: VisitorRow; segments: Record<string, string[]> };

// A page's decision reads the visitor on every view. Keep it a few seconds (per process, and in
// Redis when configured so nodes share it); identify/answer calls forget it on every node at once.
function reviveState(state: VisitorState): VisitorState {
  const visitor = { ...state.visitor } as Record<string, unknown>;
  for (const [key, value] of Object.entries(visitor)) if (key.endsWith("At") && typeof value === "string") visitor[key] = new Date(value);
  return { visitor: visitor as VisitorRow, segments: state.segments };
}
const globalForVisitors = globalThis as unknown as { tailorVisitorStates?: TwoLevelCache<VisitorState> };
const visitorStates = (globalForVisitors.tailorVisitorStates ??= new TwoLevelCache<VisitorState>({
  name: "visitor",
  max: 50_000,
  ttlMs: Math.max(1, env().TAILOR_VISITOR_CACHE_MS),
  localFreshMs: 1_000,
  revive: reviveState,
}));
const stateKey = (workspaceId: string, anonymousId: string) => `${workspaceId}:${anonymousId}`;
onInvalidate("visitor", (key) => (key === "*" ? visitorStates.clearLocal() : visitorStates.forgetLocal(key)));

/** Forgets the visitor's cached state here, in Redis and on the other nodes. */
export async function forgetVisitorState(workspaceId: string, anonymousId: string): Promise<void> {
  const key = stateKey(workspaceId, anonymousId);
  await visitorStates.invalidate(key);
  await broadcastInvalidate("visitor", key);
}

/** The visitor and their segments from this process's fresh copy, read synchronously; undefined when visitorWithSegments must load. */
export function cachedVisitorWithSegments(workspaceId: string, anonymousId: string): VisitorState | undefined {
  return visitorStates.fresh(stateKey(workspaceId, anonymousId));
}

/** The visitor and their segments for a decision: from the short cache, else one query. */
export async function visitorWithSegments(workspaceId: string, anonymousId: string): Promise<VisitorState> {
  return visitorStates.get(stateKey(workspaceId, anonymousId), () => loadVisitorWithSegments(workspaceId, anonymousId));
}

/**
 * One query: the visitor and their answers (left join), creating the visitor on a first view.
 * Segments come back as group key → segment keys, latest answer winning.
 */
async function loadVisitorWithSegments(workspaceId: string, anonymousId: string): Promise<VisitorState> {
  const v = tables.visitors;
  const a = tables.visitorAnswers;
  const rows = await getDb()
    .select({ visitor: v, groupKey: a.groupKey, segmentKeys: a.segmentKeys })
    .from(v)
    .leftJoin(a, eq(a.visitorId, v.id))
    .where(and(eq(v.workspaceId, workspaceId), eq(v.anonymousId, anonymousId)))
    .orderBy(asc(a.answeredAt));
  if (rows.length === 0) return { visitor: await touchVisitor(workspaceId, anonymousId), segments: {} };
  const visitor = rows[0]!.visitor;
  if (Date.now() - visitor.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await getDb().update(v).set({ lastSeenAt: new Date() }).where(eq(v.id, visitor.id));
  }
  return { visitor, segments: segmentsOf(rows) };
}
