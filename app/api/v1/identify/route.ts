import { publicEndpoint } from "@/lib/public-api/handler";
import { identifyRequestSchema } from "@/lib/public-api/schema";
import { identifyVisitor } from "@/lib/runtime/visitors";

// Public: called by the website snippet with a site key, never with a session.
export const { POST, OPTIONS } = publicEndpoint(identifyRequestSchema, async (input, site) => {
  const identity = input.email ? { email: input.email } : { intercomContactId: input.intercomContactId! };
  const result = await identifyVisitor(site.workspaceId, input.visitorId, identity);
  return { identified: true, linked: result.linked };
});
