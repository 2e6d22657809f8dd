import Link from "next/link";
import { Inbox } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/** For publishers: the pending publish requests, with their count (the header shows it on every page). */
export function PendingRequestsLink({ count }: { count: number }) {
  const label = `${count} publish ${count === 1 ? "request" : "requests"} to review`;
  return (
    <Link href="/personalizations/requests" className={buttonVariants({ variant: "secondary", size: null, className: "h-8 px-2 sm:px-3" })} aria-label={label} title={label}>
      <Inbox className="size-4" aria-hidden />
      <span className="hidden sm:inline">Requests</span>
      <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums">{count}</span>
    </Link>
  );
}

/** For the requester: their request is with an owner or admin; it opens the request (and its Withdraw). */
export function MyPendingRequestLink({ id }: { id: string }) {
  return (
    <Link href={`/personalizations/requests/${id}`} className={buttonVariants({ variant: "secondary", size: null, className: "h-8 px-2 sm:px-3" })}>
      <Inbox className="size-4" aria-hidden />
      <span className="hidden sm:inline">Review requested</span>
      <span className="sr-only sm:hidden">Review requested</span>
    </Link>
  );
}
