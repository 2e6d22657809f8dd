import { AlertCircle, AlertTriangle, CheckCircle2, Info } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { alertBox } from "./alert-box";

const tones = {
  error: { box: alertBox.error, Icon: AlertCircle },
  success: { box: alertBox.success, Icon: CheckCircle2 },
  warning: { box: alertBox.warning, Icon: AlertTriangle },
  info: { box: alertBox.info, Icon: Info },
};

/** A message box. Errors use role="alert" so screen readers announce them when they appear. */
export function Alert({ tone = "info", className, children, ...props }: ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  const { box, Icon } = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(alertBox.base, box, className)}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
