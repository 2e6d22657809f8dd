"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { deleteFlow, saveFlow } from "./flows";
import { deleteFlowSchema, saveFlowSchema } from "./schema";

export const saveFlowAction = defineAction({
  name: "saveFlow",
  schema: saveFlowSchema,
  capability: "flows:edit",
  run: async (input, ctx) => {
    const saved = await saveFlow(ctx, input);
    revalidatePath("/", "layout"); // the shell's "unpublished changes" badge
    return { id: saved.id, key: saved.key };
  },
});

export const deleteFlowAction = defineAction({
  name: "deleteFlow",
  schema: deleteFlowSchema,
  capability: "flows:edit",
  run: async (input, ctx) => {
    await deleteFlow(ctx, input.id);
    revalidatePath("/", "layout");
    return null;
  },
});
