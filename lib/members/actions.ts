"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { changeMemberRole, removeMember } from "./members";
import { inviteMember, resendInvitation, revokeInvitation } from "./invitations";
import { deliverInvitation } from "./invitation-delivery";
import { changeRoleSchema, invitationIdSchema, inviteMemberSchema, removeMemberSchema } from "./schema";

const MEMBERS_PATH = "/settings/members";

export const inviteMemberAction = defineAction({
  name: "inviteMember",
  schema: inviteMemberSchema,
  capability: "members:manage",
  run: async (input, ctx) => {
    const issued = await inviteMember(ctx, input);
    revalidatePath(MEMBERS_PATH);
    return deliverInvitation(issued, { name: ctx.name, workspaceName: ctx.workspaceName });
  },
});

export const resendInvitationAction = defineAction({
  name: "resendInvitation",
  schema: invitationIdSchema,
  capability: "members:manage",
  run: async (input, ctx) => {
    const issued = await resendInvitation(ctx, input.invitationId);
    revalidatePath(MEMBERS_PATH);
    return deliverInvitation(issued, { name: ctx.name, workspaceName: ctx.workspaceName });
  },
});

export const revokeInvitationAction = defineAction({
  name: "revokeInvitation",
  schema: invitationIdSchema,
  capability: "members:manage",
  run: async (input, ctx) => {
    const result = await revokeInvitation(ctx, input.invitationId);
    revalidatePath(MEMBERS_PATH);
    return result;
  },
});

export const changeRoleAction = defineAction({
  name: "changeRole",
  schema: changeRoleSchema,
  capability: "members:manage",
  run: async (input, ctx) => {
    const member = await changeMemberRole(ctx, input.membershipId, input.role);
    revalidatePath(MEMBERS_PATH);
    return { email: member.email, role: member.role };
  },
});

export const removeMemberAction = defineAction({
  name: "removeMember",
  schema: removeMemberSchema,
  capability: "members:manage",
  run: async (input, ctx) => {
    const member = await removeMember(ctx, input.membershipId);
    revalidatePath(MEMBERS_PATH);
    return { email: member.email };
  },
});
