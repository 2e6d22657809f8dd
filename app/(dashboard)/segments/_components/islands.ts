"use client";

import { interactionIsland } from "@/components/interaction-island";

// The page's buttons and dialogs load their JavaScript on first interaction.
export const GroupDialog = interactionIsland(() => import("./group-dialog").then((m) => m.GroupDialog));
export const QuestionDialog = interactionIsland(() => import("./question-dialog").then((m) => m.QuestionDialog));
export const ItemActions = interactionIsland(() => import("./item-actions").then((m) => m.ItemActions));
