import { describe, expect, it } from "vitest";
import { formatAgo, formatDateTime } from "./format";

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
