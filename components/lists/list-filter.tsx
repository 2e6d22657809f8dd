import Link from "next/link";
import { Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { isFiltered, LIST_SORTS, LIST_STATUSES, listSortLabels, listStatusLabels, type ListQuery, type ListStatus } from "@/lib/publishing/list-query";

/**
 * Search, status and sort for a draft list: a plain GET form, so the state lives in the URL
 * (shareable, back button, works without JavaScript). `noun` names the items ("personalizations").
 */
export function ListFilter({ action, query, noun, shown, total }: { action: string; query: ListQuery; noun: string; shown: number; total: number }) {
  return (
    <form method="get" action={action} role="search" aria-label={`Filter ${noun}`} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-48 flex-1">
        <Label htmlFor="list-q">Search</Label>
        <div className="relative mt-1">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-zinc-500" aria-hidden />
          <Input id="list-q" name="q" type="search" defaultValue={query.q} maxLength={100} placeholder="Name or key" className="pl-8" />
        </div>
      </div>
      <div>
        <Label htmlFor="list-status">Status</Label>
        <Select id="list-status" name="status" defaultValue={query.status} className="mt-1">
          <option value="all">All</option>
          {LIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {listStatusLabels[s]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="list-sort">Sort by</Label>
        <Select id="list-sort" name="sort" defaultValue={query.sort} className="mt-1">
          {LIST_SORTS.map((s) => (
            <option key={s} value={s}>
              {listSortLabels[s]}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {isFiltered(query) ? (
        <Link href={action} className="self-end pb-2 text-sm text-brand-700 hover:underline">
          Clear filters
        </Link>
      ) : null}
      <p className="w-full text-xs text-zinc-600" aria-live="polite">
        {isFiltered(query) ? `${shown} of ${total} ${noun} match.` : `${total} ${noun}.`}
      </p>
    </form>
  );
}

const statusTone = { live: "success", draft: "warning", off: "neutral" } as const;

/** The Status column: Live, Draft changes or Off, with what that means for visitors in `detail`. */
export function ListStatusBadge({ status, detail }: { status: ListStatus; detail?: string }) {
  return (
    <span className="flex flex-col items-start gap-0.5 whitespace-nowrap">
      <Badge tone={statusTone[status]}>{listStatusLabels[status]}</Badge>
      {detail ? <span className="text-xs text-zinc-600">{detail}</span> : null}
    </span>
  );
}

/** The list's empty state when filters hide everything (the list itself is not empty). */
export function NoMatches({ noun, href }: { noun: string; href: string }) {
  return (
    <EmptyState
      title={`No ${noun} match`}
      action={
        <Link href={href} className={buttonVariants({ variant: "secondary", className: "mt-4" })}>
          Clear filters
        </Link>
      }
    >
      Nothing matches these filters. Try another search or status.
    </EmptyState>
  );
}
