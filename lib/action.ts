import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { checkCapability, type AuthContext } from "@/lib/auth/guard";
import type { Capability } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/field-errors";
import { logError } from "@/lib/log";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      details?: Record<string, string>;
      code?: "forbidden" | "signed-out" | "invalid";
    };

export { fieldErrorsOf };

/**
 * Every server action: capability first, then the shared zod schema, then `run`.
 * Expected failures (UserFacingError) come back as values; anything else is logged with a
 * reference id and the user sees only that id.
 */
export function defineAction<S extends z.ZodType, T>(def: {
  name: string;
  schema: S;
  capability: Capability;
  run: (input: z.output<S>, ctx: AuthContext) => Promise<T>;
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const check = await checkCapability(def.capability);
    if (!check.ok) {
      return check.reason === "forbidden"
        ? { ok: false, code: "forbidden", message: "You don't have permission to do that." }
        : { ok: false, code: "signed-out", message: "Your session has ended. Sign in again." };
    }
    const parsed = def.schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, code: "invalid", message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return { ok: true, data: await def.run(parsed.data, check.ctx) };
    } catch (error) {
      if (error instanceof UserFacingError) {
        return { ok: false, message: error.message, fieldErrors: error.fieldErrors, details: error.details };
      }
      if (isNextControlFlow(error)) throw error;
      const ref = randomUUID().slice(0, 8);
      logError(`action ${def.name} failed`, error, { ref, workspaceId: check.ctx.workspaceId });
      return { ok: false, message: `Something went wrong (ref ${ref}). Try again, or contact support with this reference.` };
    }
  };
}

/**
 * The same shape for the few actions a signed-out visitor may call (accepting an invitation,
 * forgot/reset password): schema first, expected failures as values, the rest logged by reference.
 * Anything workspace-related must use defineAction instead.
 */
export function definePublicAction<S extends z.ZodType, T>(def: {
  name: string;
  schema: S;
  run: (input: z.output<S>) => Promise<T>;
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = def.schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, code: "invalid", message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return { ok: true, data: await def.run(parsed.data) };
    } catch (error) {
      if (error instanceof UserFacingError) {
        return { ok: false, message: error.message, fieldErrors: error.fieldErrors, details: error.details };
      }
      if (isNextControlFlow(error)) throw error; // redirect() after a successful sign-in
      const ref = randomUUID().slice(0, 8);
      logError(`action ${def.name} failed`, error, { ref });
      return { ok: false, message: `Something went wrong (ref ${ref}). Try again, or contact support with this reference.` };
    }
  };
}

/** redirect()/notFound() throw on purpose; they are not failures. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest === "NEXT_NOT_FOUND" || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
