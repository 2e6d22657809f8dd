/** The message box's classes, shared by Alert and the routes' error boundaries (which stay small without Alert's icons). */
export const alertBox = {
  base: "flex gap-2 rounded-md border px-3 py-2.5 text-sm",
  error: "border-red-200 bg-red-50 text-red-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-zinc-200 bg-zinc-50 text-zinc-800",
};
