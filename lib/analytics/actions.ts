"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { deleteGoal, saveGoal } from "./goals";
import { deleteGoalSchema, saveGoalSchema } from "./goal-schema";

export const saveGoalAction = defineAction({
  name: "saveGoal",
  schema: saveGoalSchema,
  capability: "personalizations:edit",
  run: async (input, ctx) => {
    const goal = await saveGoal(ctx, input);
    revalidatePath("/personalizations/goals");
    return goal;
  },
});

export const deleteGoalAction = defineAction({
  name: "deleteGoal",
  schema: deleteGoalSchema,
  capability: "personalizations:edit",
  run: async (input, ctx) => {
    await deleteGoal(ctx, input.key);
    revalidatePath("/personalizations/goals");
    return null;
  },
});
