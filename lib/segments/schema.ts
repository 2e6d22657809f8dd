import { z } from "zod";

// Keys are what integrations see (Intercom values, mapping previews): lowercase and stable.
export const keySchema = z
  .string()
  .trim()
  .min(1, "Enter a key.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/, "Use lowercase letters and digits, separated by _ or -.");

const nameSchema = z.string().trim().min(1, "Enter a name.").max(80, "Use at most 80 characters.");

export const segmentInputSchema = z.object({
  id: z.string().optional(),
  key: keySchema,
  name: nameSchema,
  // Typed as text in the form; only numeric-bucket groups use it (checked below).
  numericValue: z.string().trim().max(32),
});

export const saveGroupSchema = z
  .object({
    id: z.string().optional(),
    key: keySchema,
    name: nameSchema,
    selection: z.enum(["single", "multi"], { error: "Choose single or multi-select." }),
    kind: z.enum(["categorical", "numeric_bucket"], { error: "Choose a kind." }),
    segments: z.array(segmentInputSchema).min(2, "Add at least two segments.").max(50, "Use at most 50 segments."),
  })
  .superRefine((group, ctx) => {
    if (group.kind === "numeric_bucket" && group.selection === "multi") {
      ctx.addIssue({ code: "custom", path: ["selection"], message: "Numeric buckets are single-select: a visitor falls in one bucket." });
    }
    const keys = new Map<string, number>();
    const names = new Map<string, number>();
    group.segments.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ code: "custom", path: ["segments", i, "key"], message: `Key already used by segment ${keys.get(s.key)! + 1}.` });
      else keys.set(s.key, i);
      const lower = s.name.toLowerCase();
      if (names.has(lower)) ctx.addIssue({ code: "custom", path: ["segments", i, "name"], message: `Name already used by segment ${names.get(lower)! + 1}.` });
      else names.set(lower, i);
      if (group.kind === "numeric_bucket" && (s.numericValue === "" || !Number.isFinite(Number(s.numericValue)))) {
        ctx.addIssue({ code: "custom", path: ["segments", i, "numericValue"], message: "Enter the number written for this bucket." });
      }
    });
  });
export type SaveGroupInput = z.input<typeof saveGroupSchema>;
export type SaveGroupValues = z.output<typeof saveGroupSchema>;

export const saveQuestionSchema = z
  .object({
    id: z.string().optional(),
    key: keySchema,
    text: z.string().trim().min(1, "Enter the question.").max(200, "Use at most 200 characters."),
    groupId: z.string().min(1, "Choose the group its answers assign."),
    answers: z
      .array(
        z.object({
          id: z.string().optional(),
          label: z.string().trim().min(1, "Enter the answer text.").max(120, "Use at most 120 characters."),
          segmentId: z.string().min(1, "Choose the segment this answer assigns."),
        }),
      )
      .min(2, "Add at least two answers.")
      .max(50, "Use at most 50 answers."),
  })
  .superRefine((q, ctx) => {
    const labels = new Map<string, number>();
    q.answers.forEach((a, i) => {
      const lower = a.label.toLowerCase();
      if (labels.has(lower)) ctx.addIssue({ code: "custom", path: ["answers", i, "label"], message: `Same text as answer ${labels.get(lower)! + 1}.` });
      else labels.set(lower, i);
    });
  });
export type SaveQuestionInput = z.input<typeof saveQuestionSchema>;
export type SaveQuestionValues = z.output<typeof saveQuestionSchema>;

export const itemRefSchema = z.object({ kind: z.enum(["group", "question"]), id: z.string().min(1) });
export const moveItemSchema = itemRefSchema.extend({ direction: z.enum(["up", "down"]) });
export type MoveItemInput = z.input<typeof moveItemSchema>;
