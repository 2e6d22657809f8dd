import { describe, expect, it } from "vitest";
import { createWorkspace } from "@/lib/testing/factories";
import { personalizationResults } from "@/lib/analytics/results";
import { seedDemoAnalytics } from "./seed-analytics";
import { DEMO_GOAL } from "./seed-website";

describe("demo analytics history", () => {
  it("generates four weeks of rollups once, deterministically, with a clear result", async () => {
    const now = new Date("2026-03-31T12:00:00Z");
    const a = await createWorkspace("History A");
    const b = await createWorkspace("History B");
    expect(await seedDemoAnalytics(a.slug, { now })).toBe(28 * 4);
    expect(await seedDemoAnalytics(a.slug, { now })).toBe(0);
    await seedDemoAnalytics(b.slug, { now });
    const subject = { placementKey: "cta", variants: [{ id: "demo-offer", name: "Limited-time offer" }], primaryGoal: DEMO_GOAL.key };
    const ra = await personalizationResults(a.id, subject, "all", now);
    const rb = await personalizationResults(b.id, subject, "all", now);
    expect(ra.arms).toEqual(rb.arms);
    expect(ra.days).toHaveLength(28);
    expect(ra.arms.map((x) => x.arm)).toEqual(["variant:demo-offer", "holdout"]);
    expect(ra.arms[0]!.verdict!.tone).toBe("winning");
  });
});
