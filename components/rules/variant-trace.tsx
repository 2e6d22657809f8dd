import { Check, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { PreviewVariant } from "@/lib/personalizations/preview-result";
import { cn } from "@/lib/utils";

/** One variant's audience rule, condition by condition, with the value each condition saw. */
export function VariantTrace({ variant, position }: { variant: PreviewVariant; position: number }) {
  return (
    <li className={cn("rounded-md border p-3 text-sm", variant.isWinner ? "border-emerald-300 bg-emerald-50/50" : "border-zinc-200")}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">
          {position}. {variant.name}
        </span>
        <Badge tone={variant.matched ? "success" : "neutral"}>
          {variant.isWinner ? "Wins" : variant.matched ? "Matches (an earlier variant wins)" : "Doesn't match"}
        </Badge>
      </p>
      <ul className="mt-2 space-y-1" aria-label={`Conditions of ${variant.name}`}>
        {variant.rows.map((row, i) => (
          <li key={i} className="flex items-start gap-1.5" style={{ paddingLeft: `${row.depth * 1.25}rem` }}>
            {row.matched ? (
              <Check className="mt-0.5 size-4 shrink-0 text-emerald-700" aria-label="matched" />
            ) : (
              <X className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-label="not matched" />
            )}
            <span className="min-w-0 break-words">
              <span className={row.kind === "group" ? "font-medium" : undefined}>{row.text}</span>
              {row.seen !== undefined ? <span className="ml-2 font-mono text-xs text-zinc-600">saw {row.seen}</span> : null}
              {row.reason ? <span className="ml-2 text-xs text-zinc-500">({row.reason})</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}
