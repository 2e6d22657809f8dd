import { recordPageView, recordTrack } from "@/lib/behavior/visits";
import { publicEndpoint } from "@/lib/public-api/handler";
import { trackRequestSchema } from "@/lib/public-api/schema";

// Public: the snippet reports page views and Tailor.track calls; rules turn them into Intercom events.
export const { POST, OPTIONS } = publicEndpoint(trackRequestSchema, async (input, site) => {
  if (input.type === "page") {
    await recordPageView(site.workspaceId, input.visitorId, { id: input.id, path: input.path, url: input.url, title: input.title, utm: input.utm });
    return { recorded: true };
  }
  await recordTrack(site.workspaceId, input.visitorId, { id: input.id, key: input.key, properties: input.properties });
  return { recorded: true };
});
