import { publicEndpoint } from "@/lib/public-api/handler";
import { answersRequestSchema } from "@/lib/public-api/schema";
import { recordAnswer } from "@/lib/runtime/answers";

// Public: called by the website snippet with a site key, never with a session.
export const { POST, OPTIONS } = publicEndpoint(answersRequestSchema, async (input, site) => ({
  recorded: await recordAnswer(site.workspaceId, input.visitorId, input.question, input.answers),
}));
