import { EMAIL_PREFERENCES, type EmailPreference } from "@/db/schema/notify-prefs-types";

// Zod-free: the Notifications page's select imports this, and zod would add ~32 kB gzipped to the page.
export const EMAIL_PREFERENCE_LABELS = { immediately: "Immediately", daily: "Daily digest", off: "Off" } as const satisfies Record<EmailPreference, string>;

export function isEmailPreference(value: string): value is EmailPreference {
  return (EMAIL_PREFERENCES as readonly string[]).includes(value);
}
