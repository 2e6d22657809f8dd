import { z } from "zod";
import { roles } from "@/lib/auth/permissions";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const roleSchema = z.enum(roles, { error: "Choose a role." });

export const addMemberSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  role: roleSchema,
  password: passwordSchema,
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: roleSchema,
});
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;
