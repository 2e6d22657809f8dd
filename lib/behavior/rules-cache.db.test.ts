import pg from "pg";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { databaseUrl, dialect, getDb, tables } from "@/db/client";
import { startInvalidationListener, stopInvalidationListener } from "@/lib/shared/bus";
import { createWorkspace } from "@/lib/testing/factories";
import { enabledRules, forgetBehaviorRules } from "./rules";

// The event rules are cached per process; a change made on any node drops every node's copy at once.

async function addRule(workspaceId: string, eventName: string) {
  await getDb().insert(tables.behaviorEventRules).values({ workspaceId, behavior: "page_visit", match: "/pricing*", eventName, enabled: true, updatedAt: new Date() });
}
const names = async (workspaceId: string) => (await enabledRules(workspaceId, "page_visit")).map((r) => r.eventName).sort();

// The clock stands still, so the cache's 5 s expiry never hands out fresh rules: only the
// invalidation can.
beforeEach(() => void vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-29T12:00:00Z") }));
afterAll(async () => {
  vi.useRealTimers();
  await stopInvalidationListener();
});

describe("event rules cache", () => {
  it("a change saved on this node is seen at once", async () => {
    const ws = await createWorkspace("Rules Co");
    await addRule(ws.id, "viewed-pricing");
    expect(await names(ws.id)).toEqual(["viewed-pricing"]);
    await addRule(ws.id, "visited-pricing");
    expect(await names(ws.id)).toEqual(["viewed-pricing"]); // cached
    await forgetBehaviorRules(ws.id);
    expect(await names(ws.id)).toEqual(["viewed-pricing", "visited-pricing"]);
  });

  it.runIf(dialect === "postgres")("a change saved on another node reaches this one through the bus", async () => {
    expect(startInvalidationListener()).toBe("postgres");
    const ws = await createWorkspace("Rules Elsewhere Co");
    await addRule(ws.id, "viewed-pricing");
    expect(await names(ws.id)).toEqual(["viewed-pricing"]);
    await addRule(ws.id, "visited-pricing");
    expect(await names(ws.id)).toEqual(["viewed-pricing"]);
    // Another node's saveEventRules: its own connection, its own origin id.
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      // The listener connects in the background: repeat the message until it is heard.
      await expect
        .poll(
          async () => {
            await other.query("select pg_notify('tailor_invalidate', $1)", [JSON.stringify({ topic: "behavior-rules", key: ws.id, origin: "another-node" })]);
            return names(ws.id);
          },
          { timeout: 10_000, interval: 100 },
        )
        .toEqual(["viewed-pricing", "visited-pricing"]);
    } finally {
      await other.end();
    }
  });
});
