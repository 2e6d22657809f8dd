import { z } from "zod";

// What the debug panel accepts. The lookup box takes an email or an Intercom contact id and says
// which one it saw; the server parses the same schema, so a crafted request gets the same refusal.

const CONTACT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type DetectedIdentity =
  | { kind: "email"; value: string }
  | { kind: "contact_id"; value: string }
  | { kind: "empty" }
  | { kind: "invalid"; message: string };

/** An email when it has an @, an Intercom contact id when it looks like one; what the input shows as "Looks like …". */
export function detectIdentity(raw: string): DetectedIdentity {
  const value = raw.trim();
  if (value === "") return { kind: "empty" };
  if (value.includes("@")) {
    return z.email().safeParse(value).success
      ? { kind: "email", value: value.toLowerCase() }
      : { kind: "invalid", message: "That email address isn't valid." };
  }
  return CONTACT_ID.test(value)
    ? { kind: "contact_id", value }
    : { kind: "invalid", message: "Enter an email address or an Intercom contact id (letters, digits, - and _)." };
}

const contactIdSchema = z.string().trim().regex(CONTACT_ID, "That is not an Intercom contact id.");

export const lookupContactSchema = z.object({
  query: z
    .string()
    .max(255, "That is too long for an email or a contact id.")
    .superRefine((value, ctx) => {
      const detected = detectIdentity(value);
      if (detected.kind === "empty") ctx.addIssue({ code: "custom", message: "Enter an email address or an Intercom contact id." });
      if (detected.kind === "invalid") ctx.addIssue({ code: "custom", message: detected.message });
    }),
  /** After "several matches": the contact the user chose. */
  contactId: contactIdSchema.optional(),
});
export type LookupContactInput = z.input<typeof lookupContactSchema>;

export const trialWriteSchema = z.object({
  contactId: contactIdSchema,
  /** Segment group id → the chosen segment keys; groups left out are not written. */
  selections: z
    .record(z.string().min(1).max(64), z.array(z.string().min(1).max(255)).max(100))
    .refine((s) => Object.values(s).some((keys) => keys.length > 0), "Choose a value for at least one segment group."),
});
export type TrialWriteInput = z.input<typeof trialWriteSchema>;
