import { publicEndpoint } from "@/lib/public-api/handler";
import { identifyRequestSchema } from "@/lib/public-api/schema";
import { identifyClaim } from "@/lib/runtime/identify";

// Public: called by the website snippet with a site key, never with a session. The answer depends
// only on the policy and the hash, never on whether Intercom has the contact (no enumeration).
export const { POST, OPTIONS } = publicEndpoint(identifyRequestSchema, async (input, site) => {
  const identity = input.email ? { email: input.email } : { intercomContactId: input.intercomContactId! };
  return identifyClaim(site.workspaceId, input.visitorId, identity, input.userHash);
});
