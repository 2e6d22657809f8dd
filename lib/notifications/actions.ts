"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { markAllRead } from "./notifications";

export const markNotificationsReadAction = defineAction({
  name: "markNotificationsRead",
  schema: z.object({}),
  capability: "workspace:read",
  run: async (_input, ctx) => {
    await markAllRead(ctx.workspaceId, ctx.userId);
    revalidatePath("/", "layout");
    return null;
  },
});
