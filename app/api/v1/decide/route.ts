import { publicEndpoint } from "@/lib/public-api/handler";
import { decideRequestSchema } from "@/lib/public-api/schema";
import { decide } from "@/lib/runtime/decide";

// Public: called by the website snippet with a site key, never with a session.
export const { POST, OPTIONS } = publicEndpoint(decideRequestSchema, (input, site) =>
  decide(site.workspaceId, input.visitorId, input.placements, { offerFlows: input.flow }),
);
