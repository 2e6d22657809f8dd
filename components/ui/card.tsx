import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** `compact`: p-4 instead of p-5 (lists of cards). */
export function Card({ className, compact, ...props }: ComponentProps<"section"> & { compact?: boolean }) {
  return <section className={cn("rounded-lg border border-zinc-200 bg-white shadow-xs", compact ? "p-4" : "p-5", className)} {...props} />;
}
export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("text-base font-semibold text-zinc-900", className)} {...props} />;
}
export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("mt-1 text-sm text-zinc-600", className)} {...props} />;
}
