// The "Data events" form: which behaviours become Intercom events and what they are called. Shared
// by the form (zodResolver) and the server action.
import { z } from "zod";
import { BEHAVIORS, type Behavior } from "@/db/schema/behavior-types";
import { eventNameSchema } from "./event-name";

export const behaviorLabels: Record<Behavior, { title: string; match: string | null; placeholder?: string }> = {
  flow_completed: { title: "Flow completed", match: "Flow key (empty: any flow)", placeholder: "welcome" },
  flow_dismissed: { title: "Flow dismissed", match: "Flow key (empty: any flow)", placeholder: "welcome" },
  flow_cta_clicked: { title: "Flow call-to-action clicked", match: "Flow key (empty: any flow)", placeholder: "welcome" },
  page_visit: { title: "Page visited", match: "URL path pattern (* matches anything)", placeholder: "/pricing*" },
  track: { title: "Tailor.track call", match: "Track key", placeholder: "signup_started" },
  variant_seen: { title: "Personalization variant first seen", match: "Placement key (empty: any placement)", placeholder: "hero" },
};

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

export const eventRuleSchema = z
  .object({
    id: z.string().optional(),
    behavior: z.enum(BEHAVIORS, { error: "Choose a behaviour." }),
    match: z.string().trim().max(200, "At most 200 characters."),
    eventName: eventNameSchema,
    enabled: z.boolean(),
  })
  .superRefine((rule, ctx) => {
    const at = (message: string) => ctx.addIssue({ code: "custom", path: ["match"], message });
    if (rule.behavior === "page_visit") {
      if (rule.match === "") at("Give a URL path pattern, e.g. /pricing or /pricing*.");
      else if (!/^[/*]/.test(rule.match) || /\s/.test(rule.match)) at("Start with / (or *) and leave out spaces, e.g. /pricing*.");
    } else if (rule.behavior === "track") {
      if (!KEY.test(rule.match)) at("Give the key your page passes to Tailor.track: letters, digits, - and _.");
    } else if (rule.match !== "" && !KEY.test(rule.match)) {
      at("Use a key: letters, digits, - and _ (or leave empty for any).");
    }
  });

export const saveEventRulesSchema = z.object({ rules: z.array(eventRuleSchema).max(50, "Use at most 50 event rules.") });
export type SaveEventRulesInput = z.input<typeof saveEventRulesSchema>;
export type EventRuleInput = z.input<typeof eventRuleSchema>;
