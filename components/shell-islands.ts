"use client";

import { interactionIsland } from "@/components/interaction-island";

// Parts of the dashboard header that every page shows but few visits use: their JavaScript (the dialog,
// the publish flow) loads on first interaction (components/interaction-island.tsx).
export const MobileNav = interactionIsland(() => import("./nav/mobile-nav").then((m) => m.MobileNav));
export const PublishControls = interactionIsland(() => import("./publishing/publish-controls").then((m) => m.PublishControls));
