import { describe, expect, it, vi } from "vitest";
import { isOriginAllowed } from "./cors";

describe("isOriginAllowed", () => {
  const allowed = ["https://shop.example", "http://localhost:8080/"];

  it("allows a listed origin as the browser sends it, without working out the app's own origins", () => {
    const own = vi.fn(() => ["https://app.tailor.test"]);
    expect(isOriginAllowed("https://shop.example", allowed, own)).toBe(true);
    expect(isOriginAllowed("http://localhost:8080", allowed, own)).toBe(true);
    expect(own).not.toHaveBeenCalled();
  });

  it("normalizes anything else before comparing (case, default port)", () => {
    expect(isOriginAllowed("HTTPS://Shop.Example:443", allowed, [])).toBe(true);
  });

  it("allows the app's own origins, from a list or a function", () => {
    expect(isOriginAllowed("https://app.tailor.test", allowed, () => ["https://app.tailor.test", null])).toBe(true);
    expect(isOriginAllowed("https://app.tailor.test", allowed, "https://app.tailor.test")).toBe(true);
  });

  it("refuses unlisted, look-alike and non-http origins", () => {
    for (const origin of ["https://evil.example", "https://shop.example.evil.test", "http://shop.example", "null", "javascript:alert(1)", ""]) {
      expect(isOriginAllowed(origin, allowed, () => ["https://app.tailor.test"])).toBe(false);
    }
    expect(isOriginAllowed(null, allowed, [])).toBe(false);
  });
});
