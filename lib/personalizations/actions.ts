"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { deletePersonalization, savePersonalization } from "./personalizations";
import { previewPersonalization } from "@/lib/runtime/preview";
import { previewPersonalizationSchema } from "./preview-result";
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

/** Evaluates the draft being edited (not the saved one) for an Intercom contact; changes nothing. */
export const previewPersonalizationAction = defineAction({
  name: "previewPersonalization",
  schema: previewPersonalizationSchema,
  capability: "personalizations:read",
  run: async (input, ctx) => previewPersonalization(ctx.workspaceId, input.contact, input.personalization),
});
