"use client";

import { interactionIsland } from "@/components/interaction-island";

// The Intercom screens load their JavaScript (forms, react-query) on first interaction.
export const ConnectIntercomForm = interactionIsland(() => import("./connect-intercom-form").then((m) => m.ConnectIntercomForm));
export const ConnectionActions = interactionIsland(() =>
  Promise.all([import("./connection-actions"), import("@/components/providers")]).then(([m, p]) => p.withQueryClient(m.ConnectionActions)),
);
