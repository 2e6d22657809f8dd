import { z } from "zod";
import { GOAL_KINDS } from "@/db/schema/analytics-types";

/** A goal's key: what `Tailor.track("goal-key")` sends and what a personalization names as its primary goal. */
export const goalKeySchema = z
  .string()
  .trim()
  .min(1, "Enter a key.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _ (as in Tailor.track(\"key\")).");

export const GOAL_KIND_LABELS = {
  click: "Click on an element",
  page_visit: "Visit to a page",
  flow_completed: "Flow completed",
  flow_cta: "Flow call to action clicked",
  track: "Custom Tailor.track call",
} as const satisfies Record<(typeof GOAL_KINDS)[number], string>;

// A selector the snippet hands to Element.closest(): plain CSS, no markup or braces.
const selectorSchema = z
  .string()
  .trim()
  .min(1, "Enter a CSS selector, e.g. a.signup or #cta.")
  .max(200, "Use at most 200 characters.")
  .regex(/^[^<>{};\\]+$/, "A CSS selector has no < > { } ; or \\.");
const pathPatternSchema = z
  .string()
  .trim()
  .min(1, "Enter a path, e.g. /pricing or /signup/*.")
  .max(200, "Use at most 200 characters.")
  .startsWith("/", "A path starts with /.");
const flowKeySchema = z.string().trim().max(64).regex(/^[A-Za-z0-9_-]*$/, "Pick a flow.");

export const saveGoalSchema = z
  .object({
    key: goalKeySchema,
    name: z.string().trim().min(1, "Name the goal.").max(80, "Use at most 80 characters."),
    kind: z.enum(GOAL_KINDS, { error: "Pick what counts as a conversion." }),
    target: z.string().max(200).default(""),
  })
  .superRefine((v, ctx) => {
    const check = v.kind === "click" ? selectorSchema : v.kind === "page_visit" ? pathPatternSchema : v.kind === "track" ? null : flowKeySchema;
    const parsed = check?.safeParse(v.target);
    if (parsed && !parsed.success) ctx.addIssue({ code: "custom", path: ["target"], message: parsed.error.issues[0]!.message });
  });
export type SaveGoalInput = z.input<typeof saveGoalSchema>;
export type SaveGoal = z.output<typeof saveGoalSchema>;

export const deleteGoalSchema = z.object({ key: goalKeySchema });
