import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A styled native select: keyboard, screen readers and mobile pickers work out of the box. */
export function Select({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <div className="relative">
      <select
        className={cn(
          "h-9 w-full appearance-none rounded-md border border-zinc-300 bg-white pl-3 pr-8 text-sm shadow-xs",
          "disabled:cursor-not-allowed disabled:bg-zinc-100 aria-invalid:border-red-500",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown className="pointer-events-none absolute right-2.5 top-2.5 size-4 text-zinc-500" aria-hidden />
    </div>
  );
}
