"use server";

import { defineAction } from "@/lib/action";
import { previewPersonalizationSchema } from "@/lib/personalizations/preview-result";
import { previewPersonalization } from "./preview";

/** Evaluates the draft being edited (not the saved one) for an Intercom contact; changes nothing. */
export const previewPersonalizationAction = defineAction({
  name: "previewPersonalization",
  schema: previewPersonalizationSchema,
  capability: "personalizations:read",
  run: async (input, ctx) => previewPersonalization(ctx.workspaceId, input.contact, input.personalization),
});
