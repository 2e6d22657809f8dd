import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/auth/account-schema";
import { roles } from "@/lib/auth/permissions";

export const roleSchema = z.enum(roles, { error: "Choose a role." });

// No password here: the invitee chooses their own when they accept.
export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(100) });
export type InvitationIdInput = z.input<typeof invitationIdSchema>;

export const nameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

/** The invitee's own account, on the invitation page. */
export const acceptWithAccountSchema = z
  .object({
    token: z.string().min(1).max(200),
    name: nameSchema,
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords don't match." });
export type AcceptWithAccountInput = z.input<typeof acceptWithAccountSchema>;

export const acceptWithPasswordSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type AcceptWithPasswordInput = z.input<typeof acceptWithPasswordSchema>;

export const acceptAsUserSchema = z.object({ token: z.string().min(1).max(200) });

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: roleSchema,
});
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;
