import { z } from "zod";
import { normalizeOrigin } from "@/lib/website/origin";

/** An API base the snippet may call: http(s), no user info, query or fragment; without a trailing slash. */
export function normalizeApiBase(value: string): string | null {
  try {
    const url = new URL(value);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

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
  /** The snippet's API base (data-api), e.g. https://runtime.example.com/api/v1; blank (stored as null) = the host tailor.js is loaded from. */
  apiBase: z
    .string()
    .trim()
    .max(300, "Use at most 300 characters.")
    .default("")
    .refine((v) => v === "" || normalizeApiBase(v) !== null, "Enter an address like https://runtime.example.com/api/v1 (http or https, no ? or #).")
    .transform((v) => (v === "" ? "" : normalizeApiBase(v)!)),
  hideMs: z.coerce.number().int().min(0, "Use 0 or more.").max(3000, "Hide content for at most 3000 ms."),
});
export type WebsiteSettingsInput = z.input<typeof websiteSettingsSchema>;
export type WebsiteSettingsValues = z.output<typeof websiteSettingsSchema>;
