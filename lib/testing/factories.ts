import { randomUUID } from "node:crypto";
import { getDb, tables } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";

/** Test data written through the real schema (no mocks). */
export async function createWorkspace(name = "Test Co") {
  const [ws] = await getDb()
    .insert(tables.workspaces)
    .values({ name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 6)}` })
    .returning();
  return ws!;
}

export async function createMember(workspaceId: string, role: Role, opts: { email?: string; password?: string } = {}) {
  const email = opts.email ?? `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const [user] = await getDb()
    .insert(tables.users)
    .values({ email, name: `${role} person`, passwordHash: await hashPassword(opts.password ?? "correct-horse-battery") })
    .returning();
  const [membership] = await getDb()
    .insert(tables.memberships)
    .values({ workspaceId, userId: user!.id, role })
    .returning();
  return { user: user!, membership: membership! };
}
