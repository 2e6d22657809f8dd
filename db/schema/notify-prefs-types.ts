/** How a member gets notifications by email (owners and admins only; see lib/notifications/email.ts). */
export const EMAIL_PREFERENCES = ["immediately", "daily", "off"] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
