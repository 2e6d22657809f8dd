"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { TIME_ZONE_COOKIE, UTC_STYLE, type DateStyle } from "@/lib/format";

const DateStyleContext = createContext<DateStyle>(UTC_STYLE);

/** The viewer's date style for client components (the server resolved it: lib/date-style.ts). */
export function useDateStyle(): DateStyle {
  return useContext(DateStyleContext);
}

/**
 * Provides the viewer's date style and, when the browser's time zone isn't the one the server used,
 * remembers it in a cookie and re-renders once, so dates read in the viewer's own zone.
 */
export function DateStyleProvider({ style, sentZone, children }: { style: DateStyle; sentZone: string | null; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === style.timeZone) return;
    // The server heard this zone and still wrote another: it doesn't know it (it stays UTC), so never refresh in a
    // loop. A page rendered before the cookie was sent (a navigation that raced the first page's cookie) refreshes.
    if (sentZone !== null && (sentZone === zone || safeDecode(sentZone) === zone)) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [style.timeZone, sentZone, router]);
  return <DateStyleContext.Provider value={style}>{children}</DateStyleContext.Provider>;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
