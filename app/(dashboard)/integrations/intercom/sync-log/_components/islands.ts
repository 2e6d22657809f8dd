"use client";

import { interactionIsland } from "@/components/interaction-island";

// The filters and retry buttons load on first interaction; the log itself is in the page's HTML.
export const SyncLogView = interactionIsland(() =>
  Promise.all([import("./sync-log-view"), import("@/components/providers")]).then(([m, p]) => p.withQueryClient(m.SyncLogView)),
);
