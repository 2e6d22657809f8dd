"use client";

import { interactionIsland } from "@/components/interaction-island";

// The editor (react-hook-form, zod, the rule builder, the preview's react-query) loads on first interaction.
export const PersonalizationEditor = interactionIsland(() =>
  Promise.all([import("./personalization-editor"), import("@/components/providers")]).then(([m, p]) => p.withQueryClient(m.PersonalizationEditor)),
);
export const RestoreVersionButton = interactionIsland(() => import("./restore-version-button").then((m) => m.RestoreVersionButton));
