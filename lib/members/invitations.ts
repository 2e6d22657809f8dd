import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { hashToken, looksLikeToken, newToken } from "@/lib/auth/tokens";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { Actor } from "./members";

/**
 * Invitations: the only way into a workspace. Nobody ever chooses or learns another person's
 * password: the invitee sets their own (or signs in with theirs), and only then is a membership
 * created. Tokens are single-use, expire after 7 days, and only their hash is stored.
 */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export type InvitationView = { id: string; email: string; role: Role; invitedBy: string | null; createdAt: Date; expiresAt: Date; expired: boolean };

export async function listPendingInvitations(workspaceId: string, now = new Date()): Promise<InvitationView[]> {
  const { invitations, users } = tables;
  const rows = await getDb()
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, invitedBy: users.email, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(asc(invitations.email));
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}

async function getPending(tx: DbOrTx, workspaceId: string, id: string) {
  const { invitations } = tables;
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  if (!row) throw new NotFoundError("That invitation is no longer pending.");
  return row;
}

export type IssuedInvitation = { id: string; email: string; role: Role; token: string; expiresAt: Date };

/** Invites `email` as `role`; an earlier pending invitation for the same email is replaced. */
export async function inviteMember(actor: Actor, input: { email: string; role: Role }, now = new Date()): Promise<IssuedInvitation> {
  const { invitations, memberships, users } = tables;
  return getDb().transaction(async (tx) => {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(users.email, input.email)));
    if (member) throw new RuleViolationError("That person is already a member.", { fieldErrors: { email: "Already a member of this workspace." } });
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.workspaceId, actor.workspaceId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const [row] = await tx
      .insert(invitations)
      .values({ workspaceId: actor.workspaceId, email: input.email, role: input.role, tokenHash: hash, invitedByUserId: actor.userId, createdAt: now, expiresAt })
      .returning();
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "member.invited", target: input.email, details: { role: input.role } }, tx);
    return { id: row!.id, email: row!.email, role: row!.role, token, expiresAt };
  });
}

/** A fresh link (the old one stops working) and a fresh 7 days. */
export async function resendInvitation(actor: Actor, id: string, now = new Date()): Promise<IssuedInvitation> {
  return getDb().transaction(async (tx) => {
    const row = await getPending(tx, actor.workspaceId, id);
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    await tx.update(tables.invitations).set({ tokenHash: hash, expiresAt, invitedByUserId: actor.userId }).where(eq(tables.invitations.id, row.id));
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "member.invite_resent", target: row.email }, tx);
    return { id: row.id, email: row.email, role: row.role, token, expiresAt };
  });
}

export async function revokeInvitation(actor: Actor, id: string, now = new Date()): Promise<{ email: string }> {
  return getDb().transaction(async (tx) => {
    const row = await getPending(tx, actor.workspaceId, id);
    await tx.update(tables.invitations).set({ revokedAt: now }).where(eq(tables.invitations.id, row.id));
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "member.invite_revoked", target: row.email }, tx);
    return { email: row.email };
  });
}

export type InvitationState =
  | { status: "invalid" }
  | { status: "accepted" | "revoked" | "expired"; workspaceName: string }
  | { status: "pending"; email: string; role: Role; workspaceName: string; inviterName: string | null; accountExists: boolean; expiresAt: Date };

/** What the invitation link leads to, for its page. Says nothing about a token it does not know. */
export async function readInvitation(token: string, now = new Date()): Promise<InvitationState> {
  if (!looksLikeToken(token)) return { status: "invalid" };
  const { invitations, workspaces, users } = tables;
  const [row] = await getDb()
    .select({ invitation: invitations, workspaceName: workspaces.name, inviterName: users.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { status: "invalid" };
  const inv = row.invitation;
  if (inv.acceptedAt) return { status: "accepted", workspaceName: row.workspaceName };
  if (inv.revokedAt) return { status: "revoked", workspaceName: row.workspaceName };
  if (inv.expiresAt <= now) return { status: "expired", workspaceName: row.workspaceName };
  const [account] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, inv.email));
  return { status: "pending", email: inv.email, role: inv.role, workspaceName: row.workspaceName, inviterName: row.inviterName, accountExists: Boolean(account), expiresAt: inv.expiresAt };
}

const NOT_USABLE = "This invitation can no longer be used. Ask for a new one.";

/** Marks the invitation used, only if it still is pending: one statement, so it works once. */
async function claim(tx: DbOrTx, token: string, now: Date) {
  const { invitations } = tables;
  if (!looksLikeToken(token)) throw new RuleViolationError(NOT_USABLE);
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .returning();
  if (!row) throw new RuleViolationError(NOT_USABLE);
  return row;
}

async function join(tx: DbOrTx, inv: { workspaceId: string; role: Role; email: string }, userId: string) {
  await tx.insert(tables.memberships).values({ workspaceId: inv.workspaceId, userId, role: inv.role }).onConflictDoNothing();
  await recordAudit({ workspaceId: inv.workspaceId, actorUserId: userId, action: "member.joined", target: inv.email, details: { role: inv.role } }, tx);
}

/** A signed-in account accepts: only the account whose email the invitation names. */
export async function acceptInvitationAsUser(token: string, user: { userId: string; email: string }, now = new Date()): Promise<{ workspaceId: string }> {
  return getDb().transaction(async (tx) => {
    const inv = await claim(tx, token, now);
    if (inv.email !== user.email.toLowerCase()) {
      throw new RuleViolationError(`This invitation is for ${inv.email}. Sign out, then open the link again.`);
    }
    await join(tx, inv, user.userId);
    return { workspaceId: inv.workspaceId };
  });
}

/** Someone without an account accepts by choosing their own name and password. */
export async function acceptInvitationWithNewAccount(token: string, input: { name: string; password: string }, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction(async (tx) => {
    const inv = await claim(tx, token, now);
    const [existing] = await tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.email, inv.email));
    if (existing) throw new RuleViolationError("You already have an account: sign in with it to accept.");
    const [user] = await tx.insert(tables.users).values({ email: inv.email, name: input.name, passwordHash }).returning();
    await join(tx, inv, user!.id);
    return { email: inv.email };
  });
}
