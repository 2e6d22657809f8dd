import { z } from "zod";
import { contentProblems } from "@/lib/rules/html-policy";
import { ruleSchema } from "@/lib/rules/schema";
import { DEFAULT_HOLDOUT_PERCENT, MAX_HOLDOUT_PERCENT } from "@/lib/analytics/holdout";
import { goalKeySchema } from "@/lib/analytics/goal-schema";

export const MAX_HTML_LENGTH = 20_000;
export const MAX_VARIANTS = 20;

export const placementKeySchema = z
  .string()
  .trim()
  .min(1, "Enter a placement key.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lowercase letters, digits, - and _ (it goes in data-tailor-placement=\"…\").");

// Checked with an HTML parser: allowed tags and attributes, and merge tags only where they're safe.
const htmlSchema = z
  .string()
  .max(MAX_HTML_LENGTH, `Content is limited to ${MAX_HTML_LENGTH} characters.`)
  .superRefine((html, ctx) => {
    const [first, ...more] = contentProblems(html);
    if (first) ctx.addIssue({ code: "custom", message: more.length > 0 ? `${first} (and ${more.length} more)` : first });
  });

export const variantSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Name the variant.").max(80, "Use at most 80 characters."),
  rule: ruleSchema,
  html: htmlSchema.min(1, "Enter the content this audience sees."),
});
export type Variant = z.output<typeof variantSchema>;

/** One placement's draft: ordered variants (first match wins) and the default content. */
export const personalizationSchema = z.object({
  placementKey: placementKeySchema,
  name: z.string().trim().min(1, "Name this personalization.").max(80, "Use at most 80 characters."),
  defaultHtml: htmlSchema,
  variants: z.array(variantSchema).max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants per placement.`),
  /** Share of visitors who match a variant but see the default content: the control group for lift. */
  holdoutPercent: z.coerce
    .number({ error: "Enter a whole percentage." })
    .int("Enter a whole percentage.")
    .min(0, "The holdout is 0 % or more.")
    .max(MAX_HOLDOUT_PERCENT, `Keep at most ${MAX_HOLDOUT_PERCENT} % in the holdout.`)
    .default(DEFAULT_HOLDOUT_PERCENT),
  /** The goal the results page measures (a goal key); null: none chosen. */
  primaryGoal: z.preprocess((v) => (v === "" ? null : v), goalKeySchema.nullable()).default(null),
});
export type PersonalizationInput = z.input<typeof personalizationSchema>;
export type PersonalizationDraft = z.output<typeof personalizationSchema>;

export const savePersonalizationSchema = personalizationSchema.extend({ id: z.string().min(1).optional() });
export const deletePersonalizationSchema = z.object({ id: z.string().min(1) });
