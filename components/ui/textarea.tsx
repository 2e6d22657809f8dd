import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "min-h-24 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400",
        "disabled:cursor-not-allowed disabled:bg-zinc-100 aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
