import { beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { syncToday } from "@/lib/sync/today";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { addSiteActivity, utcDay } from "./activity";
import { getSetupFacts } from "./setup";
import { startOfUtcDay, visitorsToday } from "./today";

let workspaceId: string;
let userId: string;
const now = new Date("2026-11-30T15:00:00Z");
const yesterday = new Date("2026-11-29T23:59:00Z");

beforeEach(async () => {
  workspaceId = (await createWorkspace("Overview Co")).id;
  userId = (await createMember(workspaceId, "owner")).user.id;
});

describe("the Overview's facts", () => {
  it("tick setup steps from what happened, and only then", async () => {
    expect(await getSetupFacts(workspaceId, now)).toEqual({ connect: false, map: false, publish: false, test_contact: false, snippet: false, snippetLastSeenAt: null });
    await savePersonalization({ workspaceId, userId }, { placementKey: "hero", name: "Hero", defaultHtml: "<p>Hi</p>", variants: [] });
    await publishDraft({ workspaceId, userId });
    await recordAudit({ workspaceId, actorUserId: userId, action: "debug.contact_viewed", target: "abc123" });
    // A request eight days ago does not count as installed.
    await addSiteActivity({ workspaceId, day: "2026-11-22", decisions: 3, lastRequestAt: new Date("2026-11-22T10:00:00Z") });
    expect(await getSetupFacts(workspaceId, now)).toMatchObject({ publish: true, test_contact: true, snippet: false });
    await addSiteActivity({ workspaceId, day: utcDay(now), decisions: 2, lastRequestAt: now });
    expect(await getSetupFacts(workspaceId, now)).toMatchObject({ snippet: true, snippetLastSeenAt: now });
  });

  it("count today's visitors, answers and writes since midnight UTC, not yesterday's", async () => {
    const db = getDb();
    const [today, before] = await db
      .insert(tables.visitors)
      .values([
        { workspaceId, anonymousId: "visitor-today-1", email: "a@example.com", identifiedAt: now, lastSeenAt: now },
        { workspaceId, anonymousId: "visitor-yesterday", email: "b@example.com", identifiedAt: yesterday, lastSeenAt: yesterday },
      ])
      .returning();
    await db.insert(tables.visitorAnswers).values([
      { workspaceId, visitorId: today!.id, questionKey: "role", groupKey: "role", segmentKeys: ["founder"], answeredAt: now },
      { workspaceId, visitorId: before!.id, questionKey: "role", groupKey: "role", segmentKeys: ["founder"], answeredAt: yesterday },
    ]);
    expect(await visitorsToday(workspaceId, now)).toEqual({ identified: 1, answers: 1 });

    const job = (status: "done" | "dead" | "pending", at: Date) => ({
      workspaceId, kind: "sync" as const, status, targetKey: `contact:${status}`, values: {}, policies: {}, nextRunAt: at, updatedAt: at,
    });
    const jobs = await db.insert(tables.syncJobs).values([job("done", now), job("dead", now), job("pending", now)]).returning();
    const attempt = (outcome: "ok" | "retryable", at: Date) => ({ workspaceId, jobId: jobs[0]!.id, operation: "write" as const, outcome, durationMs: 5, startedAt: at });
    await db.insert(tables.syncAttempts).values([attempt("ok", now), attempt("retryable", now), attempt("ok", yesterday)]);
    expect(await syncToday(workspaceId, startOfUtcDay(now))).toEqual({ writesOk: 1, writesFailed: 1, pending: 1, dead: 1, drifted: 0 });
  });
});
