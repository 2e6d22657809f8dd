import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { TIME_ZONE_COOKIE, resolveDateStyle, type DateStyle } from "@/lib/format";

/**
 * How this request's viewer reads dates: their browser's time zone (remembered in a cookie; UTC until the
 * first page has told it) and the first language of Accept-Language. Once per request.
 */
export const viewerDateStyle = cache(async (): Promise<DateStyle> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const language = head.get("accept-language")?.split(",")[0]?.split(";")[0]?.trim();
  return resolveDateStyle(language, jar.get(TIME_ZONE_COOKIE)?.value);
});

/** The time zone cookie as this request sent it (raw), or null: tells the browser whether the server already heard its zone. */
export const sentTimeZone = cache(async (): Promise<string | null> => (await cookies()).get(TIME_ZONE_COOKIE)?.value ?? null);
