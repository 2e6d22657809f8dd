"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { updateWebsiteSettings, websiteSettingsSchema } from "./sites";

export const updateWebsiteSettingsAction = defineAction({
  name: "updateWebsiteSettings",
  schema: websiteSettingsSchema,
  capability: "website:manage",
  run: async (input, ctx) => {
    const site = await updateWebsiteSettings(ctx, input);
    revalidatePath("/settings/website");
    return { allowedOrigins: site.allowedOrigins, hideMs: site.hideMs, apiBase: site.apiBase };
  },
});
