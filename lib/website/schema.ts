import { z } from "zod";
import { normalizeOrigin } from "@/lib/website/origin";

/**
 * The Website settings schema: the form resolves with it (so it must stay free of server
 * imports) and lib/runtime/sites.ts re-exports it for the action.
 */
export const websiteSettingsSchema = z.object({
  allowedOrigins: z
    .array(
      z
        .string()
        .trim()
        .refine((v) => normalizeOrigin(v) !== null, "Enter an origin like https://www.example.com (no path)."),
    )
    .max(20, "At most 20 origins."),
  hideMs: z.coerce.number().int().min(0, "Use 0 or more.").max(3000, "Hide content for at most 3000 ms."),
});
export type WebsiteSettingsInput = z.input<typeof websiteSettingsSchema>;
export type WebsiteSettingsValues = z.output<typeof websiteSettingsSchema>;
