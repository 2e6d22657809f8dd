"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { setEmailPreference } from "./email-delivery";
import { markAllRead } from "./notifications";
import { emailPreferenceSchema } from "./schema";

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

/** Only owners and admins are ever mailed, so only they may choose (notifications:email). */
export const setNotificationEmailAction = defineAction({
  name: "setNotificationEmail",
  schema: emailPreferenceSchema,
  capability: "notifications:email",
  run: async (input, ctx) => {
    await setEmailPreference(ctx.workspaceId, ctx.userId, input.preference);
    revalidatePath("/notifications");
    return null;
  },
});
