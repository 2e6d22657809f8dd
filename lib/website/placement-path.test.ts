import { describe, expect, it } from "vitest";
import { MAX_PATH_LENGTH, placementPath } from "./placement-path";

describe("placementPath", () => {
  it("keeps the path and drops scheme, host, query and fragment", () => {
    expect(placementPath("https://shop.example.com/pricing?email=ada@example.com#plans")).toBe("/pricing");
    expect(placementPath("https://shop.example.com/")).toBe("/");
    expect(placementPath("http://127.0.0.1:3000/demo-site/pricing/")).toBe("/demo-site/pricing");
  });

  it("replaces segments that could identify a person", () => {
    expect(placementPath("https://x.test/users/ada@example.com/settings")).toBe("/users/:id/settings");
    expect(placementPath("https://x.test/users/ada%40example.com")).toBe("/users/:id");
    expect(placementPath("https://x.test/orders/100234")).toBe("/orders/:id");
    expect(placementPath("https://x.test/c/6f1c2a9e-51e4-4c3b-9d61-2f0b3c8e7a10")).toBe("/c/:id");
    expect(placementPath("https://x.test/reset/Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eHh4eHh4eHh4eA")).toBe("/reset/:id");
    expect(placementPath("https://x.test/p/<script>")).toBe("/p/:id");
  });

  it("keeps ordinary words, and is bounded", () => {
    expect(placementPath("https://x.test/blog/how-to-segment_v2")).toBe("/blog/how-to-segment_v2");
    const long = placementPath(`https://x.test/${"abcdefghij/".repeat(40)}`);
    expect(long.length).toBeLessThanOrEqual(MAX_PATH_LENGTH);
    expect(long.split("/").length).toBeLessThanOrEqual(13);
  });

  it("answers / for a missing or unparsable url", () => {
    expect(placementPath(undefined)).toBe("/");
    expect(placementPath("not a url at all")).toBe("/:id");
  });
});
