"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { getIntercomCatalogue } from "@/lib/intercom-integration/catalogue";
import { describeReferenceLine } from "@/lib/rules/references";
import { flowReferenceLines } from "./references";
import { deleteFlow, saveFlow } from "./flows";
import { deleteFlowSchema, saveFlowSchema } from "./schema";

export const saveFlowAction = defineAction({
  name: "saveFlow",
  schema: saveFlowSchema,
  capability: "flows:edit",
  run: async (input, ctx) => {
    const saved = await saveFlow(ctx, input);
    revalidatePath("/", "layout"); // the shell's "unpublished changes" badge
    // Saved regardless; the editor shows what Intercom doesn't have (a typo'd tag, an archived attribute).
    const warnings = flowReferenceLines([saved], await getIntercomCatalogue(ctx.workspaceId)).map(describeReferenceLine);
    return { id: saved.id, key: saved.key, warnings };
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
