import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import type { PublishRequestStatus } from "@/db/schema/publishing-types";
import { appUrl } from "@/lib/app-url";
import { recordAudit } from "@/lib/audit";
import { draftAuthorIds } from "@/lib/drafts/authors";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { sendMail } from "@/lib/mail";
import { publishRequestAnswerMail } from "@/lib/mail/templates";
import { notifyMember } from "@/lib/notifications";
import { broadcastInvalidate } from "@/lib/shared/bus";
import { buildDraftSnapshot, diffSnapshots, emptySnapshot, normalizeSnapshot, sameSnapshot, type ConfigSnapshot } from "./snapshot";
import { insertVersion, latestVersion, lockPublishing, publishBlockers, userNames } from "./versions";

// Publish requests: a member who may edit but not publish sends the draft for review. The request
// stores the snapshot as it was when sent, so approving publishes exactly what the reviewer read,
// never a draft edited since. Owners and admins hear of a new request in-app and by email (as their
// notification preference says); approving or declining answers the requester in-app and by email.

type Actor = { workspaceId: string; userId: string };

export type PublishRequestSummary = {
  id: string;
  status: PublishRequestStatus;
  note: string;
  requestedBy: string;
  requestedByUserId: string | null;
  changeCount: number;
  createdAt: Date;
};

export type PublishRequestView = PublishRequestSummary & {
  changes: string[];
  authors: string[];
  baseVersion: number | null;
  decidedBy: string | null;
  declineReason: string | null;
  publishedVersion: number | null;
  decidedAt: Date | null;
  /** Set while pending when something was published after the request was sent: approving would undo it. */
  supersededBy: number | null;
  /** While pending: draft changes made after the request, which approving leaves unpublished. */
  laterChanges: string[];
  /** While pending and current: what must be fixed before it can go live. */
  blockers: string[];
};

const FORMER_MEMBER = "A former member";

async function loadRequest(workspaceId: string, id: string, tx: DbOrTx) {
  const r = tables.publishRequests;
  const [row] = await tx.select().from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.id, id)));
  if (!row) throw new NotFoundError("That publish request does not exist in this workspace.");
  return row;
}

/** The request, if still pending, with publishing locked so no other answer or publish interleaves. */
async function pendingOf(workspaceId: string, id: string, tx: DbOrTx) {
  await lockPublishing(workspaceId, tx);
  const row = await loadRequest(workspaceId, id, tx);
  if (row.status !== "pending") throw new RuleViolationError(`This request was already ${row.status}.`);
  return row;
}

/** Sends the current draft for review. One pending request per member; a draft with problems can't be sent. */
export async function submitPublishRequest(actor: Actor, input: { note: string }): Promise<{ id: string; changes: number }> {
  const r = tables.publishRequests;
  const { id, admins, changes, requester } = await getDb().transaction(async (tx) => {
    await lockPublishing(actor.workspaceId, tx);
    const [mine] = await tx
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.workspaceId, actor.workspaceId), eq(r.requestedByUserId, actor.userId), eq(r.status, "pending")));
    if (mine) throw new RuleViolationError("You already have a request waiting for review. Withdraw it to send the current draft instead.");
    const live = await latestVersion(actor.workspaceId, tx);
    const liveSnapshot = live ? normalizeSnapshot(live.snapshot) : emptySnapshot;
    const draft = await buildDraftSnapshot(actor.workspaceId, tx);
    if (live && sameSnapshot(liveSnapshot, draft)) throw new RuleViolationError("There are no unpublished changes to review.");
    const blockers = await publishBlockers(actor.workspaceId, draft, tx);
    if (blockers.length > 0) {
      throw new RuleViolationError(`Fix ${blockers.length === 1 ? "this problem" : `these ${blockers.length} problems`} before asking for review: ${blockers.join(" ")}`);
    }
    const changes = diffSnapshots(liveSnapshot, draft);
    const authors = await draftAuthorIds(actor.workspaceId, tx);
    const [row] = await tx
      .insert(r)
      .values({
        workspaceId: actor.workspaceId,
        requestedByUserId: actor.userId,
        note: input.note.trim(),
        snapshot: draft as unknown as Record<string, unknown>,
        changes,
        authorUserIds: authors.length > 0 ? authors : [actor.userId],
        baseVersion: live?.version ?? null,
        status: "pending",
        createdAt: new Date(),
      })
      .returning({ id: r.id });
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "publish_request.submitted", target: row!.id, details: { changes: changes.length } }, tx);
    const m = tables.memberships;
    const admins = await tx
      .select({ userId: m.userId })
      .from(m)
      .where(and(eq(m.workspaceId, actor.workspaceId), inArray(m.role, ["owner", "admin"])));
    const requester = (await userNames([actor.userId], tx)).get(actor.userId) ?? "A member";
    return { id: row!.id, admins, changes, requester };
  });
  for (const admin of admins) {
    await notifyMember(actor.workspaceId, admin.userId, {
      kind: "publish_request",
      title: `${requester} asks to publish ${changes.length === 1 ? "1 change" : `${changes.length} changes`}`,
      body: input.note.trim() || "No note.",
      link: `/personalizations/requests/${id}`,
    });
  }
  return { id, changes: changes.length };
}

/** The requester takes back their own pending request. */
export async function withdrawPublishRequest(actor: Actor, id: string): Promise<void> {
  const r = tables.publishRequests;
  await getDb().transaction(async (tx) => {
    const row = await pendingOf(actor.workspaceId, id, tx);
    if (row.requestedByUserId !== actor.userId) throw new ForbiddenError("Only the member who sent a request can withdraw it.");
    await tx
      .update(r)
      .set({ status: "withdrawn", decidedByUserId: actor.userId, decidedAt: new Date() })
      .where(and(eq(r.workspaceId, actor.workspaceId), eq(r.id, id), eq(r.status, "pending")));
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "publish_request.withdrawn", target: id }, tx);
  });
}

/** Publishes the snapshot the request was made with, as a new version crediting its authors. */
export async function approvePublishRequest(actor: Actor, id: string): Promise<{ version: number }> {
  const r = tables.publishRequests;
  const result = await getDb().transaction(async (tx) => {
    const row = await pendingOf(actor.workspaceId, id, tx);
    if (row.requestedByUserId === actor.userId) throw new ForbiddenError("Someone else has to review your own request.");
    const live = await latestVersion(actor.workspaceId, tx);
    if ((live?.version ?? null) !== row.baseVersion) {
      throw new RuleViolationError(
        `v${live?.version} was published after this request was sent, so approving it would undo those changes. Decline it and ask for a new request.`,
      );
    }
    const snapshot = normalizeSnapshot(row.snapshot);
    const blockers = await publishBlockers(actor.workspaceId, snapshot, tx);
    if (blockers.length > 0) {
      throw new RuleViolationError(`Fix ${blockers.length === 1 ? "this problem" : `these ${blockers.length} problems`} before publishing: ${blockers.join(" ")}`);
    }
    const changes = diffSnapshots(live ? normalizeSnapshot(live.snapshot) : emptySnapshot, snapshot);
    const version = await insertVersion(actor, tx, snapshot, changes, { authorUserIds: row.authorUserIds });
    // Editors whose last change is in the request are credited now; anyone who edited since keeps
    // their place for the changes still unpublished.
    const a = tables.draftAuthors;
    const covered = (await tx.select({ userId: a.userId, at: a.lastEditedAt }).from(a).where(eq(a.workspaceId, actor.workspaceId))).filter((x) => x.at <= row.createdAt);
    if (covered.length > 0) await tx.delete(a).where(and(eq(a.workspaceId, actor.workspaceId), inArray(a.userId, covered.map((x) => x.userId))));
    const now = new Date();
    const updated = await tx
      .update(r)
      .set({ status: "approved", decidedByUserId: actor.userId, decidedAt: now, publishedVersion: version })
      .where(and(eq(r.workspaceId, actor.workspaceId), eq(r.id, id), eq(r.status, "pending")))
      .returning({ id: r.id });
    if (updated.length === 0) throw new RuleViolationError("This request was answered meanwhile.");
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "config.published", target: `v${version}`, details: { changes: changes.length, request: id } }, tx);
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "publish_request.approved", target: id, details: { version: `v${version}` } }, tx);
    return { version, requesterId: row.requestedByUserId };
  });
  await broadcastInvalidate("live", actor.workspaceId);
  await answerRequester(actor, id, result.requesterId, {
    title: `Your publish request is live as v${result.version}`,
    lines: [`Your changes were approved and published as v${result.version}.`],
  });
  return { version: result.version };
}

/** Declines with a reason the requester reads; nothing is published. */
export async function declinePublishRequest(actor: Actor, id: string, input: { reason: string }): Promise<void> {
  const r = tables.publishRequests;
  const reason = input.reason.trim();
  if (!reason) throw new RuleViolationError("Say why, so the requester knows what to change.", { fieldErrors: { reason: "Enter a reason." } });
  const requesterId = await getDb().transaction(async (tx) => {
    const row = await pendingOf(actor.workspaceId, id, tx);
    await tx
      .update(r)
      .set({ status: "declined", decidedByUserId: actor.userId, decidedAt: new Date(), declineReason: reason })
      .where(and(eq(r.workspaceId, actor.workspaceId), eq(r.id, id), eq(r.status, "pending")));
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "publish_request.declined", target: id }, tx);
    return row.requestedByUserId;
  });
  await answerRequester(actor, id, requesterId, { title: "Your publish request was declined", lines: ["Your publish request was declined.", `Reason: ${reason}`] });
}

/**
 * In-app notification for the requester, and an email (logged instead of sent without SMTP). An
 * owner or admin who asked is mailed by their notification preference instead (notifyMember), so
 * they never get the answer twice.
 */
async function answerRequester(actor: Actor, id: string, requesterId: string | null, answer: { title: string; lines: string[] }) {
  if (!requesterId) return;
  const link = `/personalizations/requests/${id}`;
  await notifyMember(actor.workspaceId, requesterId, { kind: "publish_request", title: answer.title, body: answer.lines.slice(1).join(" ") || answer.lines[0]!, link });
  const u = tables.users;
  const m = tables.memberships;
  const w = tables.workspaces;
  const [[user], [workspace]] = await Promise.all([
    getDb()
      .select({ email: u.email, role: m.role })
      .from(u)
      .leftJoin(m, and(eq(m.userId, u.id), eq(m.workspaceId, actor.workspaceId)))
      .where(eq(u.id, requesterId)),
    getDb().select({ name: w.name }).from(w).where(eq(w.id, actor.workspaceId)),
  ]);
  if (!user || user.role === "owner" || user.role === "admin") return;
  await sendMail(publishRequestAnswerMail({ to: user.email, workspaceName: workspace?.name ?? "Tailor", title: answer.title, lines: answer.lines, link: appUrl(link) })).catch(
    (error: unknown) => logError("publish_request.mail_failed", error, { workspaceId: actor.workspaceId }),
  );
}

export async function listPublishRequests(workspaceId: string, { status, limit = 50 }: { status?: PublishRequestStatus; limit?: number } = {}): Promise<PublishRequestSummary[]> {
  const r = tables.publishRequests;
  const rows = await getDb()
    .select()
    .from(r)
    .where(and(eq(r.workspaceId, workspaceId), status ? eq(r.status, status) : undefined))
    .orderBy(desc(r.createdAt))
    .limit(limit);
  const names = await userNames(rows.flatMap((row) => (row.requestedByUserId ? [row.requestedByUserId] : [])));
  return rows.map((row) => toSummary(row, names));
}

function toSummary(row: typeof tables.publishRequests.$inferSelect, names: Map<string, string>): PublishRequestSummary {
  return {
    id: row.id,
    status: row.status,
    note: row.note,
    requestedBy: (row.requestedByUserId && names.get(row.requestedByUserId)) || FORMER_MEMBER,
    requestedByUserId: row.requestedByUserId,
    changeCount: row.changes.length,
    createdAt: row.createdAt,
  };
}

export async function publishRequestExists(workspaceId: string, id: string): Promise<boolean> {
  const r = tables.publishRequests;
  const [row] = await getDb().select({ id: r.id }).from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.id, id)));
  return Boolean(row);
}

export async function countPendingRequests(workspaceId: string): Promise<number> {
  const r = tables.publishRequests;
  const rows = await getDb().select({ id: r.id }).from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.status, "pending")));
  return rows.length;
}

/** The member's own pending request, if any (the header shows its state instead of "Request review"). */
export async function myPendingRequest(workspaceId: string, userId: string): Promise<PublishRequestSummary | null> {
  const r = tables.publishRequests;
  const [row] = await getDb()
    .select()
    .from(r)
    .where(and(eq(r.workspaceId, workspaceId), eq(r.requestedByUserId, userId), eq(r.status, "pending")))
    .limit(1);
  return row ? toSummary(row, await userNames([userId])) : null;
}

export async function getPublishRequest(workspaceId: string, id: string): Promise<PublishRequestView> {
  const db = getDb();
  const row = await loadRequest(workspaceId, id, db);
  const names = await userNames([row.requestedByUserId, row.decidedByUserId, ...row.authorUserIds].filter((x): x is string => Boolean(x)));
  const view: PublishRequestView = {
    ...toSummary(row, names),
    changes: row.changes,
    authors: row.authorUserIds.map((uid) => names.get(uid) ?? FORMER_MEMBER),
    baseVersion: row.baseVersion,
    decidedBy: row.decidedByUserId ? (names.get(row.decidedByUserId) ?? FORMER_MEMBER) : null,
    declineReason: row.declineReason,
    publishedVersion: row.publishedVersion,
    decidedAt: row.decidedAt,
    supersededBy: null,
    laterChanges: [],
    blockers: [],
  };
  if (row.status !== "pending") return view;
  const snapshot: ConfigSnapshot = normalizeSnapshot(row.snapshot);
  const [live, draft] = await Promise.all([latestVersion(workspaceId), buildDraftSnapshot(workspaceId)]);
  if ((live?.version ?? null) !== row.baseVersion) view.supersededBy = live?.version ?? null;
  if (!sameSnapshot(snapshot, draft)) view.laterChanges = diffSnapshots(snapshot, draft);
  if (view.supersededBy === null) view.blockers = await publishBlockers(workspaceId, snapshot);
  return view;
}
