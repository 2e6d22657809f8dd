import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { verifyPasswordOrDummy } from "./password";
import { clearFailures, lockedUntil, recordFailure } from "./throttle";
import { listMemberships } from "@/lib/workspaces/queries";
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

/**
 * Email + password check with throttling. The answer never says whether the email exists:
 * unknown email, wrong password and "no workspace" all come back as "invalid".
 */
export async function authenticate(email: string, password: string, ip: string | null): Promise<AuthenticateResult> {
  const subject = { email, ip };
  const until = await lockedUntil(subject);
  if (until) return { ok: false, reason: "throttled", until };

  const [user] = await getDb().select().from(tables.users).where(eq(tables.users.email, email));
  const passwordOk = await verifyPasswordOrDummy(password, user?.passwordHash);
  const [membership] = user && passwordOk ? await listMemberships(user.id) : [];
  if (!user || !membership) {
    await recordFailure(subject);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(subject);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, workspaceId: membership.workspaceId, role: membership.role },
  };
}
