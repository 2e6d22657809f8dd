"use client";

import { interactionIsland } from "@/components/interaction-island";

export const DebugPanel = interactionIsland(() =>
  Promise.all([import("./debug-panel"), import("@/components/providers")]).then(([m, p]) => p.withQueryClient(m.DebugPanel)),
);
