import { z } from "zod";
import { EMAIL_PREFERENCES } from "@/db/schema/notify-prefs-types";

/** The email preference action's input (the page's select checks its value with isEmailPreference, without zod). */
export const emailPreferenceSchema = z.object({ preference: z.enum(EMAIL_PREFERENCES) });
export type EmailPreferenceInput = z.infer<typeof emailPreferenceSchema>;
