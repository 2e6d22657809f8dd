"use client";

import { interactionIsland } from "@/components/interaction-island";

// The page's forms and buttons load their JavaScript (react-hook-form, zod, the dialogs) on first interaction.
export const IdentityPolicyForm = interactionIsland(() => import("./identity-policy-form").then((m) => m.IdentityPolicyForm));
export const WebsiteSettingsForm = interactionIsland(() => import("./website-settings-form").then((m) => m.WebsiteSettingsForm));
export const IdentitySecret = interactionIsland(() => import("./identity-secret").then((m) => m.IdentitySecret));
export const CopySnippet = interactionIsland(() => import("./copy-snippet").then((m) => m.CopySnippet));
