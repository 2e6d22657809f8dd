"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { definePublicAction, defineAction } from "@/lib/action";
import { signIn, unstable_update } from "@/lib/auth";
import { verifyCredentials } from "@/lib/auth/authenticate";
import { clientIp } from "@/lib/client-ip";
import { RuleViolationError } from "@/lib/errors";
import { acceptInvitationAsUser, acceptInvitationWithNewAccount, readInvitation } from "./invitations";
import { acceptAsUserSchema, acceptWithAccountSchema, acceptWithPasswordSchema } from "./schema";

async function requestIp(): Promise<string | null> {
  return clientIp(new Request("http://local/", { headers: await headers() }));
}

/** No account yet: the invitee picks their own name and password, joins, and is signed in. */
export const acceptWithNewAccountAction = definePublicAction({
  name: "acceptInvitationWithNewAccount",
  schema: acceptWithAccountSchema,
  run: async (input) => {
    const { email } = await acceptInvitationWithNewAccount(input.token, input);
    await signIn("credentials", { email, password: input.password, redirectTo: "/overview" });
  },
});

/** An existing account, signed out: its own password proves it is the mailbox owner's account. */
export const acceptWithPasswordAction = definePublicAction({
  name: "acceptInvitationWithPassword",
  schema: acceptWithPasswordSchema,
  run: async (input) => {
    const invitation = await readInvitation(input.token);
    if (invitation.status !== "pending") throw new RuleViolationError("This invitation can no longer be used. Ask for a new one.");
    const check = await verifyCredentials(invitation.email, input.password, await requestIp());
    if (!check.ok) {
      throw new RuleViolationError(check.reason === "throttled" ? "Too many failed attempts from this device. Wait a moment, then try again." : "That password is not right.", {
        fieldErrors: check.reason === "invalid" ? { password: "That password is not right." } : undefined,
      });
    }
    const { workspaceId } = await acceptInvitationAsUser(input.token, { userId: check.user.id, email: check.user.email });
    await signIn("credentials", { email: invitation.email, password: input.password, workspaceId, redirectTo: "/overview" });
  },
});

/** Signed in as the invited account already: accept and switch to the new workspace. */
export const acceptAsSignedInAction = defineAction({
  name: "acceptInvitationAsSignedIn",
  schema: acceptAsUserSchema,
  capability: "workspace:read",
  run: async (input, ctx) => {
    const { workspaceId } = await acceptInvitationAsUser(input.token, { userId: ctx.userId, email: ctx.email });
    await unstable_update({ workspaceId });
    redirect("/overview");
  },
});
