import { z } from "zod";

// One schema per form, shared by the form (zodResolver) and its server action.

export const submitPublishRequestSchema = z.object({
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters."),
});
export type SubmitPublishRequestInput = z.input<typeof submitPublishRequestSchema>;

export const publishRequestIdSchema = z.object({ id: z.string().min(1).max(100) });

export const declinePublishRequestSchema = publishRequestIdSchema.extend({
  reason: z.string().trim().min(1, "Say why, so the requester knows what to change.").max(1000, "Keep the reason under 1,000 characters."),
});
export type DeclinePublishRequestInput = z.input<typeof declinePublishRequestSchema>;
