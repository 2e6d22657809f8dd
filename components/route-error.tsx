"use client";

import { buttonVariants } from "@/components/ui/button-variants";

type RouteErrorProps = { error: Error; reset: () => void };

/**
 * The body of every route's error.tsx: `export default routeError("The flows could not be loaded.")`.
 * Each error boundary is its own chunk that a page loads up front, so this draws the error box and the
 * button with their classes and one inline icon rather than Alert and Button (~1.4 kB more per boundary).
 */
export function routeError(message: string) {
  function RouteError({ reset }: RouteErrorProps) {
    return (
      // Alert's error tone (components/ui/alert.tsx), without its four icons.
      <div role="alert" className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900">
        <svg viewBox="0 0 24 24" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden>
          <circle cx="12" cy="12" r="10" />
          <path d="M12 8v4M12 16h.01" />
        </svg>
        <div className="min-w-0 flex-1">
          <p>{message}</p>
          <button type="button" className={buttonVariants({ variant: "secondary", size: "sm", className: "mt-2" })} onClick={reset}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  return RouteError;
}
