"use client";

import { interactionIsland } from "@/components/interaction-island";

export const GoalForm = interactionIsland(() => import("./goal-form").then((m) => m.GoalForm));
