import { z } from "zod";
import { INTERCOM_REGIONS } from "@/lib/intercom/regions";

export const regionLabels = { US: "United States (US)", EU: "Europe (EU)", AU: "Australia (AU)" } as const;

// Intercom access tokens are long base64-like strings. Anything else (spaces inside, a URL, a
// "Bearer " prefix, a few characters) is refused here, before any call to Intercom.
const TOKEN_PATTERN = /^[A-Za-z0-9+/=_\-.:]+$/;

export const intercomTokenSchema = z
  .string()
  .trim()
  .min(1, "Paste your Intercom access token.")
  .refine((t) => !/^bearer\s/i.test(t), "Paste only the token, without \"Bearer\".")
  .refine((t) => TOKEN_PATTERN.test(t), "That doesn't look like an Intercom access token: it has spaces or characters tokens never contain.")
  .refine((t) => t.length >= 20, "That token is too short. Copy the whole token from the Developer Hub.")
  .refine((t) => t.length <= 512, "That token is too long. Copy only the access token.");

export const connectIntercomSchema = z.object({
  token: intercomTokenSchema,
  region: z.enum(INTERCOM_REGIONS, { error: "Choose the region your Intercom workspace is hosted in." }),
  /** Set after the user confirmed switching to another Intercom workspace (its own dialog). */
  confirmWorkspaceSwitch: z.boolean().optional(),
});
export type ConnectIntercomInput = z.input<typeof connectIntercomSchema>;

export const emptySchema = z.object({});
