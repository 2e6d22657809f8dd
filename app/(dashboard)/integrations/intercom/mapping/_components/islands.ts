"use client";

import { interactionIsland } from "@/components/interaction-island";

export const MappingForm = interactionIsland(() =>
  Promise.all([import("./mapping-form"), import("@/components/providers")]).then(([m, p]) => p.withQueryClient(m.MappingForm)),
);
