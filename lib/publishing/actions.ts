"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { publishDraft, restoreVersion } from "./versions";

export const publishAction = defineAction({
  name: "publish",
  schema: z.object({}),
  capability: "publish",
  run: async (_input, ctx) => {
    const result = await publishDraft(ctx);
    revalidatePath("/", "layout");
    return result;
  },
});

export const restoreVersionAction = defineAction({
  name: "restoreVersion",
  schema: z.object({ version: z.coerce.number().int().min(1) }),
  capability: "publish",
  run: async (input, ctx) => {
    const result = await restoreVersion(ctx, input.version);
    revalidatePath("/", "layout");
    return result;
  },
});
