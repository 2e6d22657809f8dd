import { and, asc, eq, ne } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { z } from "zod";
import type { addMemberSchema } from "./schema";

export type MemberView = {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
};

type Actor = { workspaceId: string; userId: string };

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

export type AddMemberResult = { member: MemberView; existingAccount: boolean };

/**
 * Adds a member. A new email gets an account with the initial password; an email that already has
 * an account (in another workspace) joins with its own password unchanged.
 */
export async function addMember(actor: Actor, input: z.output<typeof addMemberSchema>): Promise<AddMemberResult> {
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction(async (tx) => {
    const { users, memberships } = tables;
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email));
    const user =
      existing ??
      (await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning())[0]!;
    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, user.id)));
    if (already) {
      throw new RuleViolationError("That person is already a member.", {
        fieldErrors: { email: "Already a member of this workspace." },
      });
    }
    const [membership] = await tx
      .insert(memberships)
      .values({ workspaceId: actor.workspaceId, userId: user.id, role: input.role })
      .returning();
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: "member.added",
        target: user.email,
        details: { role: input.role, existingAccount: Boolean(existing) },
      },
      tx,
    );
    return { member: await getMember(actor.workspaceId, membership!.id, tx), existingAccount: Boolean(existing) };
  });
}

async function assertAnotherOwner(tx: DbOrTx, workspaceId: string, membershipId: string): Promise<void> {
  const { memberships } = tables;
  const others = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner"), ne(memberships.id, membershipId)))
    .limit(1);
  if (others.length === 0) {
    throw new RuleViolationError("A workspace needs at least one owner. Make someone else an owner first.");
  }
}

export async function changeMemberRole(actor: Actor, membershipId: string, role: Role): Promise<MemberView> {
  return getDb().transaction(async (tx) => {
    const member = await getMember(actor.workspaceId, membershipId, tx);
    if (member.role === role) return member;
    if (member.role === "owner") await assertAnotherOwner(tx, actor.workspaceId, membershipId);
    await tx
      .update(tables.memberships)
      .set({ role })
      .where(and(eq(tables.memberships.workspaceId, actor.workspaceId), eq(tables.memberships.id, membershipId)));
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
    const member = await getMember(actor.workspaceId, membershipId, tx);
    if (member.role === "owner") await assertAnotherOwner(tx, actor.workspaceId, membershipId);
    await tx
      .delete(tables.memberships)
      .where(and(eq(tables.memberships.workspaceId, actor.workspaceId), eq(tables.memberships.id, membershipId)));
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
