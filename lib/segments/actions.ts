"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { can } from "@/lib/auth/permissions";
import { deleteSegmentItem, moveSegmentItem, saveGroup, saveQuestion } from "./segments";
import { itemRefSchema, moveItemSchema, saveGroupSchema, saveQuestionSchema } from "./schema";

function revalidateSegments() {
  revalidatePath("/segments");
  revalidatePath("/integrations", "layout");
}

export const saveGroupAction = defineAction({
  name: "saveSegmentGroup",
  schema: saveGroupSchema,
  capability: "segments:edit",
  run: async (input, ctx) => {
    const group = await saveGroup({ ...ctx, canEditMappings: can(ctx.role, "mappings:edit") }, input);
    revalidateSegments();
    return group;
  },
});

export const saveQuestionAction = defineAction({
  name: "saveQuestion",
  schema: saveQuestionSchema,
  capability: "segments:edit",
  run: async (input, ctx) => {
    const question = await saveQuestion({ ...ctx, canEditMappings: can(ctx.role, "mappings:edit") }, input);
    revalidateSegments();
    return question;
  },
});

export const deleteSegmentItemAction = defineAction({
  name: "deleteSegmentItem",
  schema: itemRefSchema,
  capability: "segments:edit",
  run: async (input, ctx) => {
    const result = await deleteSegmentItem({ ...ctx, canEditMappings: can(ctx.role, "mappings:edit") }, input.kind, input.id);
    revalidateSegments();
    return result;
  },
});

export const moveSegmentItemAction = defineAction({
  name: "moveSegmentItem",
  schema: moveItemSchema,
  capability: "segments:edit",
  run: async (input, ctx) => {
    await moveSegmentItem({ ...ctx, canEditMappings: can(ctx.role, "mappings:edit") }, input.kind, input.id, input.direction);
    revalidateSegments();
    return null;
  },
});
