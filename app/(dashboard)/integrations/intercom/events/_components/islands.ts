"use client";

import { interactionIsland } from "@/components/interaction-island";

export const EventRulesForm = interactionIsland(() =>
  Promise.all([import("./event-rules-form"), import("@/components/providers")]).then(([m, p]) => p.withQueryClient(m.EventRulesForm)),
);
