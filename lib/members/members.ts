import { and, asc, eq, ne, or, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { dialect, getDb, tables, type DbOrTx } from "@/db/client";
import { endAllSessions } from "@/lib/auth/sessions";
import type { Role } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";

export type MemberView = {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
};

export type Actor = { workspaceId: string; userId: string };

const memberColumns = () => ({
  membershipId: tables.memberships.id,
  userId: tables.users.id,
  email: tables.users.email,
  name: tables.users.name,
  role: tables.memberships.role,
  joinedAt: tables.memberships.createdAt,
});

export async function listMembers(workspaceId: string): Promise<MemberView[]> {
  const { memberships, users } = tables;
  return getDb()
    .select(memberColumns())
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.email));
}

/** A member of *this* workspace; a membership id from another workspace is simply not found. */
export async function getMember(workspaceId: string, membershipId: string, tx: DbOrTx = getDb()): Promise<MemberView> {
  const { memberships, users } = tables;
  const [row] = await tx
    .select(memberColumns())
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.id, membershipId)));
  if (!row) throw new NotFoundError("That member is not in this workspace.");
  return row;
}

/**
 * Owner invariant under concurrency. On Postgres the workspace row is locked first (NO KEY UPDATE:
 * inserts elsewhere that reference the workspace are not blocked), so two owners demoting or
 * removing each other run one after the other; the write itself is one conditional statement,
 * which alone is atomic on SQLite (one writer at a time).
 */
async function lockWorkspaceMembers(tx: DbOrTx, workspaceId: string): Promise<void> {
  if (dialect !== "postgres") return;
  await (tx as unknown as NodePgDatabase).execute(sql`SELECT id FROM workspaces WHERE id = ${workspaceId} FOR NO KEY UPDATE`);
}

/** True for a membership that is not an owner, or when another owner remains. */
const keepsAnOwner = (workspaceId: string, membershipId: string) =>
  or(
    ne(tables.memberships.role, "owner"),
    sql`exists (select 1 from memberships o where o.workspace_id = ${workspaceId} and o.role = 'owner' and o.id <> ${membershipId})`,
  );

const LAST_OWNER = "A workspace needs at least one owner. Make someone else an owner first.";

export async function changeMemberRole(actor: Actor, membershipId: string, role: Role): Promise<MemberView> {
  return getDb().transaction(async (tx) => {
    await lockWorkspaceMembers(tx, actor.workspaceId);
    const member = await getMember(actor.workspaceId, membershipId, tx);
    if (member.role === role) return member;
    const changed = await tx
      .update(tables.memberships)
      .set({ role })
      .where(
        and(
          eq(tables.memberships.workspaceId, actor.workspaceId),
          eq(tables.memberships.id, membershipId),
          role === "owner" ? undefined : keepsAnOwner(actor.workspaceId, membershipId),
        ),
      )
      .returning({ id: tables.memberships.id });
    if (changed.length === 0) throw new RuleViolationError(LAST_OWNER);
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: "member.role_changed",
        target: member.email,
        details: { from: member.role, to: role },
      },
      tx,
    );
    return { ...member, role };
  });
}

export async function removeMember(actor: Actor, membershipId: string): Promise<MemberView> {
  return getDb().transaction(async (tx) => {
    await lockWorkspaceMembers(tx, actor.workspaceId);
    const member = await getMember(actor.workspaceId, membershipId, tx);
    const removed = await tx
      .delete(tables.memberships)
      .where(and(eq(tables.memberships.workspaceId, actor.workspaceId), eq(tables.memberships.id, membershipId), keepsAnOwner(actor.workspaceId, membershipId)))
      .returning({ id: tables.memberships.id });
    if (removed.length === 0) throw new RuleViolationError(LAST_OWNER);
    // Their signed-in sessions end now, not when the cookie expires (they sign in again elsewhere).
    await endAllSessions(member.userId, tx);
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: "member.removed",
        target: member.email,
        details: { role: member.role },
      },
      tx,
    );
    return member;
  });
}
