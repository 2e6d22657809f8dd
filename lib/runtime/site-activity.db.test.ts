import { beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { eq } from "drizzle-orm";
import { createWorkspace } from "@/lib/testing/factories";
import { MAX_UNKNOWN_PLACEMENTS, placementSighting, siteActivity } from "@/lib/website/activity";
import { flushSiteActivity, noteDecideRequest, resetSiteActivityForTests } from "./site-activity";

let workspaceId: string;

beforeEach(async () => {
  resetSiteActivityForTests();
  workspaceId = (await createWorkspace("Activity Co")).id;
  await getDb()
    .insert(tables.personalizations)
    .values({ workspaceId, placementKey: "hero", name: "Hero", defaultHtml: "Hi", variants: [], position: 0, updatedAt: new Date() });
});

describe("site activity from decide requests", () => {
  it("counts decisions per day and records where a placement was seen, path only", async () => {
    expect(await placementSighting(workspaceId, "hero")).toBeNull();
    expect(await siteActivity(workspaceId)).toEqual({ lastRequestAt: null, decisionsToday: 0 });
    const at = new Date();
    noteDecideRequest(workspaceId, "https://shop.example.com/pricing?email=ada@example.com#x", ["hero"], at);
    noteDecideRequest(workspaceId, "https://shop.example.com/", [], at);
    await flushSiteActivity();
    noteDecideRequest(workspaceId, "https://shop.example.com/other", ["hero"], at);
    await flushSiteActivity();

    const sighting = await placementSighting(workspaceId, "hero");
    // The second sighting within the throttle window is not written again.
    expect(sighting).toMatchObject({ path: "/pricing" });
    expect(sighting!.lastSeenAt.getTime()).toBe(at.getTime());
    const activity = await siteActivity(workspaceId, at);
    expect(activity.decisionsToday).toBe(3);
    expect(activity.lastRequestAt?.getTime()).toBe(at.getTime());
  });

  it("keeps made-up placement keys only up to a cap per workspace, and the workspace's own keys always", async () => {
    const junk = Array.from({ length: 50 }, (_, i) => `junk-${i}`);
    noteDecideRequest(workspaceId, "/a", junk);
    noteDecideRequest(workspaceId, "/b", Array.from({ length: 50 }, (_, i) => `more-junk-${i}`));
    await flushSiteActivity();
    noteDecideRequest(workspaceId, "/c", ["late-junk", "hero"]);
    await flushSiteActivity();

    const rows = await getDb().select().from(tables.placementSightings).where(eq(tables.placementSightings.workspaceId, workspaceId));
    expect(rows.filter((r) => r.placementKey !== "hero")).toHaveLength(MAX_UNKNOWN_PLACEMENTS);
    expect(rows.some((r) => r.placementKey === "late-junk")).toBe(false);
    expect(rows.find((r) => r.placementKey === "hero")?.path).toBe("/c");
  });
});
