import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-xs placeholder:text-zinc-400",
        "disabled:cursor-not-allowed disabled:bg-zinc-100 aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
