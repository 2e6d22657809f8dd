"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { deletePersonalization, savePersonalization } from "./personalizations";
import { deletePersonalizationSchema, savePersonalizationSchema } from "./schema";

export const savePersonalizationAction = defineAction({
  name: "savePersonalization",
  schema: savePersonalizationSchema,
  capability: "personalizations:edit",
  run: async (input, ctx) => {
    const saved = await savePersonalization(ctx, input);
    revalidatePath("/", "layout"); // the shell's "unpublished changes" badge
    return { id: saved.id, placementKey: saved.placementKey };
  },
});

export const deletePersonalizationAction = defineAction({
  name: "deletePersonalization",
  schema: deletePersonalizationSchema,
  capability: "personalizations:edit",
  run: async (input, ctx) => {
    await deletePersonalization(ctx, input.id);
    revalidatePath("/", "layout");
    return null;
  },
});
