import { advanceFlow } from "@/lib/runtime/flows";
import { publicEndpoint } from "@/lib/public-api/handler";
import { flowRequestSchema } from "@/lib/public-api/schema";

// Public: called by the website snippet's flow widget with a site key, never with a session.
export const { POST, OPTIONS } = publicEndpoint(flowRequestSchema, (input, site) =>
  advanceFlow(site.workspaceId, input.visitorId, { flow: input.flow, step: input.step, action: input.action, answers: input.answers }),
);
