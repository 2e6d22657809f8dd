"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { getIntercomCatalogue } from "@/lib/intercom-integration/catalogue";
import { describeReferenceLine } from "@/lib/rules/references";
import { personalizationReferenceLines } from "./references";
import { deletePersonalization, savePersonalization } from "./personalizations";
import { deletePersonalizationSchema, savePersonalizationSchema } from "./schema";

export const savePersonalizationAction = defineAction({
  name: "savePersonalization",
  schema: savePersonalizationSchema,
  capability: "personalizations:edit",
  run: async (input, ctx) => {
    const saved = await savePersonalization(ctx, input);
    revalidatePath("/", "layout"); // the shell's "unpublished changes" badge
    // Saved regardless; the editor shows what Intercom doesn't have (a typo'd tag, an archived attribute).
    const warnings = personalizationReferenceLines([saved], await getIntercomCatalogue(ctx.workspaceId)).map(describeReferenceLine);
    return { id: saved.id, placementKey: saved.placementKey, warnings };
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
