import { and, asc, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import type { Role } from "./permissions";

export type MembershipView = { workspaceId: string; workspaceName: string; workspaceSlug: string; role: Role };

export async function findMembership(workspaceId: string, userId: string): Promise<MembershipView | null> {
  const { memberships, workspaces } = tables;
  const [row] = await getDb()
    .select({
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** The user's workspaces, oldest membership first (the first one is where sign-in lands). */
export async function listMemberships(userId: string): Promise<MembershipView[]> {
  const { memberships, workspaces } = tables;
  return getDb()
    .select({
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name));
}
