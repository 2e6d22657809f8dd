"use client";

import { interactionIsland } from "@/components/interaction-island";

// Forms and the flow builder load their JavaScript on first interaction.
export const NewFlowForm = interactionIsland(() => import("./new-flow-form").then((m) => m.NewFlowForm));
export const FlowEditor = interactionIsland(() => import("./flow-editor").then((m) => m.FlowEditor));
