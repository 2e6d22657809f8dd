import { describe, expect, it } from "vitest";
import { csvCell, resultsCsv } from "./csv";

describe("results CSV", () => {
  it("quotes every cell and defuses formulas", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("@sum")).toBe(`"'@sum"`);
    expect(csvCell("VIP, \"gold\"")).toBe(`"VIP, ""gold"""`);
    expect(csvCell(-3)).toBe(`"-3"`);
    expect(csvCell(null)).toBe(`""`);
  });

  it("writes totals per arm, then days", () => {
    const csv = resultsCsv("Hero", {
      range: "all",
      from: "2026-03-01",
      to: "2026-03-02",
      goal: "signup",
      arms: [
        { arm: "variant:a", label: "-VIP", visitors: 10, impressions: 12, conversions: 2, rate: 0.2, lift: { lift: 1, low: -0.5, high: 3 }, verdict: null },
        { arm: "holdout", label: "Holdout (control)", visitors: 10, impressions: 10, conversions: 1, rate: 0.1, lift: null, verdict: null },
      ],
      days: [{ day: "2026-03-01", arms: { "variant:a": { visitors: 10, conversions: 2 } } }],
    });
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`"Hero","signup","2026-03-01","2026-03-02","'-VIP","total","10","12","2","0.2","1","-0.5","3"`);
    expect(lines[3]).toBe(`"Hero","signup","2026-03-01","2026-03-02","'-VIP","2026-03-01","10","","2","","","",""`);
  });
});
