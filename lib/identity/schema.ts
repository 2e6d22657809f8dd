import { z } from "zod";
import { IDENTITY_POLICIES } from "@/db/schema/identity-types";

/** Website settings → Identity verification: the form resolves with it and the action parses it. */
export const identityPolicySchema = z.object({
  policy: z.enum(IDENTITY_POLICIES, { error: "Choose one of the policies." }),
});
export type IdentityPolicyInput = z.input<typeof identityPolicySchema>;

export const rotateIdentitySecretSchema = z.object({
  confirm: z.literal(true, { error: "Confirm that the old secret stops working." }),
});
