"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A Link that prefetches on intent (hover, focus, touch), not on sight, like the sidebar. For links on a
 * page to routes whose layouts load client code of their own (debug, the Intercom pages: react-query):
 * a prefetch on sight would load that code on the page that merely shows the link.
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }) {
  const router = useRouter();
  return (
    <Link
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        onMouseEnter?.(event);
        router.prefetch(href);
      }}
      onFocus={(event) => {
        onFocus?.(event);
        router.prefetch(href);
      }}
      onTouchStart={(event) => {
        onTouchStart?.(event);
        router.prefetch(href);
      }}
      {...props}
    />
  );
}
