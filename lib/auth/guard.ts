import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./index";
import { can, type Capability, type Role } from "./permissions";
import { findMembership } from "./memberships";
import { isSessionActive } from "./sessions";

export type AuthContext = {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
};

export type AuthCheck =
  | { ok: true; ctx: AuthContext }
  | { ok: false; reason: "signed-out" | "no-membership" | "forbidden" };

/**
 * The session says who and which workspace; the role is read from the database on every request,
 * so a changed or removed membership takes effect at once, whatever the JWT still carries.
 */
export const currentAuth = cache(async (): Promise<AuthCheck> => {
  const session = await auth();
  if (!session?.user?.id || !session.workspaceId || !session.sid) return { ok: false, reason: "signed-out" };
  // A signed-out, "signed out everywhere" or reset session has no row any more: the cookie alone is not enough.
  if (!(await isSessionActive(session.sid, session.user.id))) return { ok: false, reason: "signed-out" };
  const membership = await findMembership(session.workspaceId, session.user.id);
  if (!membership) return { ok: false, reason: "no-membership" };
  return {
    ok: true,
    ctx: {
      userId: session.user.id,
      sessionId: session.sid,
      email: session.user.email,
      name: session.user.name,
      workspaceId: membership.workspaceId,
      workspaceName: membership.workspaceName,
      role: membership.role,
    },
  };
});

export async function checkCapability(capability: Capability): Promise<AuthCheck> {
  const check = await currentAuth();
  if (!check.ok) return check;
  return can(check.ctx.role, capability) ? check : { ok: false, reason: "forbidden" };
}

/** First line of every page and route that reads workspace data: redirects or renders 403. */
export async function requireCapability(capability: Capability): Promise<AuthContext> {
  const check = await checkCapability(capability);
  if (check.ok) return check.ctx;
  if (check.reason === "forbidden") forbidden();
  redirect("/sign-in");
}
