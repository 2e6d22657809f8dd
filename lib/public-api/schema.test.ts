import { describe, expect, it } from "vitest";
import { decideRequestSchema, fastDecideRequest } from "./schema";

const id = "visitor-0001";
const long = (n: number, ch = "a") => ch.repeat(n);

// What the snippet sends on every page view: the fast path must answer these itself.
const common: unknown[] = [
  { siteKey: "site_abc", visitorId: id },
  { siteKey: "site_abc", visitorId: id, placements: [] },
  { siteKey: "site_abc", visitorId: id, url: "https://example.com/pricing?x=1", placements: ["hero", "color_2", "a-b"], flow: true },
  { siteKey: "site_abc", visitorId: id, placements: ["hero"], flow: false, extra: { ignored: true } },
  { siteKey: long(64), visitorId: long(64, "Z"), url: long(2048), placements: Array.from({ length: 50 }, (_, i) => `p${i}`) },
  { siteKey: "s", visitorId: long(8, "_"), placements: [long(64, "9")] },
];

// Everything else: refused by zod, or accepted by zod after a transform the fast path doesn't do.
const other: unknown[] = [
  null,
  "text",
  42,
  [],
  [{ siteKey: "site_abc", visitorId: id }],
  {},
  { siteKey: "", visitorId: id },
  { siteKey: long(65), visitorId: id },
  { siteKey: 7, visitorId: id },
  { siteKey: "site_abc" },
  { siteKey: "site_abc", visitorId: "short" },
  { siteKey: "site_abc", visitorId: long(65) },
  { siteKey: "site_abc", visitorId: "visitor 0001" },
  { siteKey: "site_abc", visitorId: "visitor-0001\n" },
  { siteKey: "site_abc", visitorId: "visitör-0001" },
  { siteKey: "site_abc", visitorId: id, url: long(2049) },
  { siteKey: "site_abc", visitorId: id, url: null },
  { siteKey: "site_abc", visitorId: id, url: 5 },
  { siteKey: "site_abc", visitorId: id, flow: "yes" },
  { siteKey: "site_abc", visitorId: id, flow: null },
  { siteKey: "site_abc", visitorId: id, placements: "hero" },
  { siteKey: "site_abc", visitorId: id, placements: null },
  { siteKey: "site_abc", visitorId: id, placements: { 0: "hero", length: 1 } },
  { siteKey: "site_abc", visitorId: id, placements: Array.from({ length: 51 }, (_, i) => `p${i}`) },
  { siteKey: "site_abc", visitorId: id, placements: [""] },
  { siteKey: "site_abc", visitorId: id, placements: [long(65)] },
  { siteKey: "site_abc", visitorId: id, placements: ["hero", 3] },
  { siteKey: "site_abc", visitorId: id, placements: ["he ro"] },
  { siteKey: "site_abc", visitorId: id, placements: ["<script>"] },
];
// Accepted by zod only after trimming: the fast path leaves them to zod too.
const trimmed: unknown[] = [
  { siteKey: "site_abc", visitorId: id, placements: [" hero "] },
  { siteKey: "site_abc", visitorId: id, placements: ["hero\n"] },
];

describe("fastDecideRequest", () => {
  it("answers the snippet's usual requests itself, exactly as decideRequestSchema does", () => {
    for (const body of common) {
      const fast = fastDecideRequest(body);
      expect(fast, JSON.stringify(body)).toBeDefined();
      expect(fast).toEqual(decideRequestSchema.parse(body));
    }
  });

  it("leaves everything else to zod (which refuses it or transforms it)", () => {
    for (const body of [...other, ...trimmed]) expect(fastDecideRequest(body), JSON.stringify(body)).toBeUndefined();
    for (const body of other) expect(decideRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    for (const body of trimmed) expect(decideRequestSchema.parse(body).placements).toEqual(["hero"]);
  });

  it("returns its own placements array (the request body's is never shared)", () => {
    const body = { siteKey: "site_abc", visitorId: id, placements: ["hero"] };
    const fast = fastDecideRequest(body)!;
    expect(fast.placements).toEqual(["hero"]);
    expect(fast.placements).not.toBe(body.placements);
  });
});
