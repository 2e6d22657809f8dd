import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action";

/** Puts an action's field errors on their fields and its message on the form root. */
export function showServerErrors<T extends FieldValues>(form: UseFormReturn<T>, result: Extract<ActionResult<unknown>, { ok: false }>) {
  for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
    if (path !== "root") form.setError(path as Path<T>, { type: "server", message });
  }
  form.setError("root.server", { type: "server", message: result.message });
}
