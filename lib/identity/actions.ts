"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { identityPolicySchema, rotateIdentitySecretSchema } from "./schema";
import { rotateIdentitySecret, updateIdentityPolicy } from "./settings";

export const updateIdentityPolicyAction = defineAction({
  name: "updateIdentityPolicy",
  schema: identityPolicySchema,
  capability: "website:manage",
  run: async (input, ctx) => {
    const view = await updateIdentityPolicy(ctx, input.policy);
    revalidatePath("/settings/website");
    revalidatePath("/overview");
    return { policy: view.policy };
  },
});

// The plaintext secret is in this action's result only: the client shows it once and drops it.
export const rotateIdentitySecretAction = defineAction({
  name: "rotateIdentitySecret",
  schema: rotateIdentitySecretSchema,
  capability: "website:manage",
  run: async (_input, ctx) => {
    const { secret, rotatedAt } = await rotateIdentitySecret(ctx);
    revalidatePath("/settings/website");
    return { secret, rotatedAt: rotatedAt.toISOString() };
  },
});
