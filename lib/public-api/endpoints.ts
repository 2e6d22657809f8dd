import { recordPageView, recordTrack } from "@/lib/runtime/behavior-visits";
import { recordImpressions } from "@/lib/runtime/analytics-record";
import { advanceFlow } from "@/lib/runtime/flows";
import { recordAnswer } from "@/lib/runtime/answers";
import { decide } from "@/lib/runtime/decide";
import { identifyClaim } from "@/lib/runtime/identify";
import { noteDecideRequest } from "@/lib/runtime/site-activity";
import { publicEndpoint } from "./handler";
import { answersRequestSchema, decideRequestSchema, fastDecideRequest, flowRequestSchema, identifyRequestSchema, trackRequestSchema } from "./schema";

/**
 * The public (snippet) API, defined once: web-standard Request → Response handlers, mounted by the
 * Next route handlers (app/api/v1/*) and by the standalone runtime server (lib/runtime-server).
 * Called by the website snippet with a site key, never with a session.
 */

// The answer depends only on the policy and the hash, never on whether Intercom has the contact (no enumeration).
export const identify = publicEndpoint(identifyRequestSchema, async (input, site) => {
  const identity = input.email ? { email: input.email } : { intercomContactId: input.intercomContactId! };
  return identifyClaim(site.workspaceId, input.visitorId, identity, input.userHash);
});

export const answers = publicEndpoint(answersRequestSchema, async (input, site) => ({
  recorded: await recordAnswer(site.workspaceId, input.visitorId, input.question, input.answers),
}));

// Noting the request (decisions today, placements found on the page) is buffered, never awaited.
export const decideEndpoint = publicEndpoint(
  decideRequestSchema,
  (input, site) => {
    noteDecideRequest(site.workspaceId, input.url, input.placements);
    return decide(site.workspaceId, input.visitorId, input.placements, { offerFlows: input.flow });
  },
  fastDecideRequest,
);

// The flow widget's steps.
export const flow = publicEndpoint(flowRequestSchema, (input, site) =>
  advanceFlow(site.workspaceId, input.visitorId, { flow: input.flow, step: input.step, action: input.action, answers: input.answers }),
);

// Page views, Tailor.track calls and impressions: the workspace's event rules turn the first two into
// Intercom data events, and its goals into conversions; impressions feed personalization analytics.
export const track = publicEndpoint(trackRequestSchema, async (input, site) => {
  if (input.type === "impressions") {
    await recordImpressions(site.workspaceId, input.visitorId, input.impressions);
  } else if (input.type === "page") {
    await recordPageView(site.workspaceId, input.visitorId, { id: input.id, path: input.path, url: input.url, title: input.title, utm: input.utm });
  } else {
    await recordTrack(site.workspaceId, input.visitorId, { id: input.id, key: input.key, properties: input.properties });
  }
  return { recorded: true };
});

/** Every endpoint by its path under /api/v1. */
export const publicApi = { identify, answers, decide: decideEndpoint, flow, track } as const;
export type PublicApiName = keyof typeof publicApi;
