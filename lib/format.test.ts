import { describe, expect, it } from "vitest";
import { UTC_STYLE, formatAgo, formatDateTime, formatDay, formatTime, resolveDateStyle } from "./format";

describe("formatAgo", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it("says how long ago in words, then falls back to the date", () => {
    expect(formatAgo(new Date("2026-11-30T11:59:30Z"), now)).toBe("just now");
    expect(formatAgo(new Date("2026-11-30T11:58:00Z"), now)).toBe("2 min ago");
    expect(formatAgo(new Date("2026-11-30T09:00:00Z"), now)).toBe("3 h ago");
    expect(formatAgo(new Date("2026-11-29T11:00:00Z"), now)).toBe("yesterday");
    expect(formatAgo(new Date("2026-11-25T12:00:00Z"), now)).toBe("5 days ago");
    expect(formatAgo(new Date("2026-09-01T12:00:00Z"), now)).toBe(formatDateTime(new Date("2026-09-01T12:00:00Z")));
  });
});

describe("dates in the viewer's style", () => {
  const moment = new Date("2026-11-30T03:07:09Z");
  it("shows UTC in British order by default, naming the zone", () => {
    expect(formatDateTime(moment)).toBe("30 Nov 2026, 03:07 UTC");
    expect(formatDateTime(moment, { seconds: true })).toBe("30 Nov 2026, 03:07:09 UTC");
    expect(formatDateTime(null)).toBe("—");
  });

  it("uses the viewer's time zone and locale", () => {
    const berlin = resolveDateStyle("de-DE", "Europe/Berlin");
    expect(berlin).toEqual({ locale: "de-DE", timeZone: "Europe/Berlin" });
    expect(formatDateTime(moment, { style: berlin })).toBe("30. Nov. 2026, 04:07 MEZ");
    expect(formatDay(moment, resolveDateStyle("en-US", "America/Los_Angeles"))).toBe("Nov 29");
    expect(formatTime(moment, resolveDateStyle("en-GB", "Asia/Kolkata"))).toBe("08:37:09 GMT+5:30");
  });

  it("falls back to UTC / en-GB for what a cookie or header can't be trusted with", () => {
    expect(resolveDateStyle("not a locale!", "Mars/Olympus_Mons")).toEqual(UTC_STYLE);
    expect(resolveDateStyle(undefined, "x".repeat(200))).toEqual(UTC_STYLE);
    expect(resolveDateStyle("fr", null)).toEqual({ locale: "fr", timeZone: "UTC" });
  });
});
