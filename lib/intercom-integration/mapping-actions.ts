"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { getAttributeCache, reloadAttributes } from "./attributes";
import { createIntercomAttribute, saveMappings } from "./mappings";
import { createAttributeSchema, saveMappingsSchema } from "./mapping-schema";
import { emptySchema } from "./schema";

function revalidateMappings() {
  revalidatePath("/integrations", "layout");
}

export const saveMappingsAction = defineAction({
  name: "saveMappings",
  schema: saveMappingsSchema,
  capability: "mappings:edit",
  run: async (input, ctx) => {
    const mappings = await saveMappings(ctx, input);
    revalidateMappings();
    return { mappings };
  },
});

/** The cached attribute list, for react-query (first paint comes from the server component). */
export const listAttributesAction = defineAction({
  name: "listAttributes",
  schema: emptySchema,
  capability: "integrations:read",
  run: async (_input, ctx) => getAttributeCache(ctx.workspaceId),
});

export const reloadAttributesAction = defineAction({
  name: "reloadAttributes",
  schema: emptySchema,
  capability: "mappings:edit",
  run: async (_input, ctx) => {
    const summary = await reloadAttributes(ctx);
    revalidateMappings();
    return summary;
  },
});

export const createAttributeAction = defineAction({
  name: "createIntercomAttribute",
  schema: createAttributeSchema,
  capability: "mappings:edit",
  run: async (input, ctx) => {
    const result = await createIntercomAttribute(ctx, input);
    revalidateMappings();
    return result;
  },
});
