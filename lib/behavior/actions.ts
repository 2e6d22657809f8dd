"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveEventRules } from "./admin";
import { saveEventRulesSchema } from "./schema";

export const saveEventRulesAction = defineAction({
  name: "saveEventRules",
  schema: saveEventRulesSchema,
  capability: "mappings:edit",
  run: async (input, ctx) => {
    const rules = await saveEventRules(ctx, input);
    revalidatePath("/integrations", "layout");
    return { rules };
  },
});
