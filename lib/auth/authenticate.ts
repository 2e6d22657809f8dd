import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { verifyPasswordOrDummy } from "./password";
import { clearFailures, lockedUntil, recordFailure } from "./throttle";
import { listMemberships } from "./memberships";
import type { Role } from "./permissions";

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  workspaceId: string;
  role: Role;
};

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; until: Date };

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; until: Date };

/**
 * Email + password check with throttling, nothing else. Unknown email and wrong password take the
 * same time and give the same answer.
 */
export async function verifyCredentials(email: string, password: string, ip: string | null, opts: { requireMembership?: boolean } = {}): Promise<CredentialsResult> {
  const subject = { email, ip };
  const until = await lockedUntil(subject);
  if (until) return { ok: false, reason: "throttled", until };
  const [user] = await getDb().select().from(tables.users).where(eq(tables.users.email, email));
  const passwordOk = await verifyPasswordOrDummy(password, user?.passwordHash);
  const memberOk = !opts.requireMembership || (user && passwordOk && (await listMemberships(user.id)).length > 0);
  if (!user || !passwordOk || !memberOk) {
    await recordFailure(subject);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(subject);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * Sign-in: credentials, then the workspace to land in (`workspaceId` if the user belongs to it,
 * else their oldest membership). "No workspace" is "invalid" too, so nothing about accounts leaks.
 */
export async function authenticate(email: string, password: string, ip: string | null, workspaceId?: string): Promise<AuthenticateResult> {
  const result = await verifyCredentials(email, password, ip, { requireMembership: true });
  if (!result.ok) return result;
  const memberships = await listMemberships(result.user.id);
  const membership = memberships.find((m) => m.workspaceId === workspaceId) ?? memberships[0]!;
  return { ok: true, user: { ...result.user, workspaceId: membership.workspaceId, role: membership.role } };
}
