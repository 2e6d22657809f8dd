import { z } from "zod";
import { EMAIL_PREFERENCES } from "@/db/schema/notify-prefs-types";

/** One schema for the Notifications page's email control and its server action. */
export const emailPreferenceSchema = z.object({ preference: z.enum(EMAIL_PREFERENCES) });
export type EmailPreferenceInput = z.infer<typeof emailPreferenceSchema>;

export const EMAIL_PREFERENCE_LABELS = { immediately: "Immediately", daily: "Daily digest", off: "Off" } as const;
