import { AlertCircle, AlertTriangle, CheckCircle2, Info } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const tones = {
  error: { box: "border-red-200 bg-red-50 text-red-900", Icon: AlertCircle },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", Icon: CheckCircle2 },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", Icon: AlertTriangle },
  info: { box: "border-zinc-200 bg-zinc-50 text-zinc-800", Icon: Info },
};

/** A message box. Errors use role="alert" so screen readers announce them when they appear. */
export function Alert({ tone = "info", className, children, ...props }: ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  const { box, Icon } = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-2 rounded-md border px-3 py-2.5 text-sm", box, className)}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
