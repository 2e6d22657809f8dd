"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { addMember, changeMemberRole, removeMember } from "./members";
import { addMemberSchema, changeRoleSchema, removeMemberSchema } from "./schema";

const MEMBERS_PATH = "/settings/members";

export const addMemberAction = defineAction({
  name: "addMember",
  schema: addMemberSchema,
  capability: "members:manage",
  run: async (input, ctx) => {
    const result = await addMember(ctx, input);
    revalidatePath(MEMBERS_PATH);
    return { email: result.member.email, existingAccount: result.existingAccount };
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
