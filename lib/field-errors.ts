import type { z } from "zod";

/** Zod issues keyed by their full dotted path ("mappings.3.field"), first message per path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "root";
    out[key] ??= issue.message;
  }
  return out;
}
