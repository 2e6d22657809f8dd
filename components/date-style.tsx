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
export function DateStyleProvider({ style, children }: { style: DateStyle; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`;
    // Already told (a zone the server doesn't know stays UTC there): never refresh in a loop.
    if (!zone || zone === style.timeZone || document.cookie.split("; ").includes(cookie)) return;
    document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [style.timeZone, router]);
  return <DateStyleContext.Provider value={style}>{children}</DateStyleContext.Provider>;
}
