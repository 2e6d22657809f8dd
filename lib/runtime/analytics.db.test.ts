import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { dialect, getDb, tables } from "@/db/client";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { saveGoal } from "@/lib/analytics/goals";
import { saveGoalSchema } from "@/lib/analytics/goal-schema";
import { isInHoldout } from "@/lib/analytics/holdout";
import { personalizationResults, resultsSummaries } from "@/lib/analytics/results";
import { purgeOldAnalytics } from "@/lib/analytics/retention";
import { decide } from "./decide";
import { bufferedImpressions, flushImpressions, recordImpressions, resetImpressionsForTests } from "./analytics-record";
import { recordPageView, recordTrack } from "./behavior-visits";

let actor: { workspaceId: string; userId: string };
const everyone = { type: "group" as const, combinator: "and" as const, children: [] };
const subject = { placementKey: "cta", variants: [{ id: "urgent", name: "Urgent" }], primaryGoal: "signup" };

/** Visitor ids on each side of the 50 % holdout of this workspace's "cta". */
function visitorIds(workspaceId: string, count: number, held: boolean): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) if (isInHoldout(workspaceId, "cta", `visitor-${i}`, 50) === held) ids.push(`visitor-${i}`);
  return ids;
}

beforeEach(async () => {
  resetImpressionsForTests();
  const ws = await createWorkspace("Analytics Co");
  const { user } = await createMember(ws.id, "admin");
  actor = { workspaceId: ws.id, userId: user.id };
  await savePersonalization(actor, {
    placementKey: "cta",
    name: "Trial CTA",
    defaultHtml: "<p>Start a trial</p>",
    variants: [{ id: "urgent", name: "Urgent", rule: everyone, html: "<p>Start today</p>" }],
    holdoutPercent: 50,
    primaryGoal: "signup",
  });
  await publishDraft(actor);
  await saveGoal(actor, saveGoalSchema.parse({ key: "signup", name: "Signed up", kind: "track" }));
  await saveGoal(actor, saveGoalSchema.parse({ key: "pricing", name: "Saw pricing", kind: "page_visit", target: "/pricing*" }));
});

describe("personalization analytics", () => {
  it("holds out visitors deterministically, counts impressions once a day, attributes conversions to earlier exposures, and rolls up per arm", async () => {
    const [inside, inside2] = visitorIds(actor.workspaceId, 2, true);
    const [outside, outside2, late] = visitorIds(actor.workspaceId, 3, false);

    // The holdout sees the default content; the other side the variant, on every call.
    const held = await decide(actor.workspaceId, inside!, ["cta"]);
    expect(held.placements.cta).toEqual({ html: "<p>Start a trial</p>", variant: null, arm: "holdout" });
    const shown = await decide(actor.workspaceId, outside!, ["cta"]);
    expect(shown.placements.cta).toEqual({ html: "<p>Start today</p>", variant: "Urgent", arm: "variant:urgent" });
    expect((await decide(actor.workspaceId, inside!, ["cta"])).placements.cta!.arm).toBe("holdout");

    // Impressions: repeats on the same day count once; forged arms (holdout claimed from outside, unknown variants,
    // unknown placements) are dropped.
    const day1 = new Date("2026-03-02T10:00:00Z");
    expect(await recordImpressions(actor.workspaceId, inside!, [{ placement: "cta", arm: "holdout" }], day1)).toBe(1);
    expect(await recordImpressions(actor.workspaceId, inside!, [{ placement: "cta", arm: "holdout" }], day1)).toBe(0);
    expect(await recordImpressions(actor.workspaceId, outside!, [{ placement: "cta", arm: "variant:urgent" }], day1)).toBe(1);
    expect(await recordImpressions(actor.workspaceId, outside2!, [{ placement: "cta", arm: "holdout" }, { placement: "cta", arm: "variant:gone" }, { placement: "nope", arm: "default" }], day1)).toBe(0);
    expect(await recordImpressions(actor.workspaceId, inside2!, [{ placement: "cta", arm: "variant:urgent" }], day1)).toBe(0);
    expect(await recordImpressions(actor.workspaceId, outside2!, [{ placement: "cta", arm: "variant:urgent" }], day1)).toBe(1);
    const day2 = new Date("2026-03-03T10:00:00Z");
    expect(await recordImpressions(actor.workspaceId, outside!, [{ placement: "cta", arm: "variant:urgent" }], day2)).toBe(1);

    // Conversions: a track goal and a page-visit goal, each counted once per arm; a visitor who converts
    // before seeing anything converts for nothing, and a later exposure does not claim it.
    await recordTrack(actor.workspaceId, outside!, { id: "t-1-abcdef", key: "signup" }, day2);
    await recordTrack(actor.workspaceId, outside!, { id: "t-2-abcdef", key: "signup" }, day2);
    await recordTrack(actor.workspaceId, inside!, { id: "t-3-abcdef", key: "signup" }, day2);
    await recordPageView(actor.workspaceId, outside2!, { id: "p-1-abcdef", path: "/pricing/teams" }, day2);
    await recordTrack(actor.workspaceId, late!, { id: "t-4-abcdef", key: "signup" }, day1);
    await recordImpressions(actor.workspaceId, late!, [{ placement: "cta", arm: "variant:urgent" }], day2);
    await flushImpressions();

    const results = await personalizationResults(actor.workspaceId, subject, "all", day2);
    expect(results.arms.map(({ arm, label, visitors, impressions, conversions }) => ({ arm, label, visitors, impressions, conversions }))).toEqual([
      { arm: "variant:urgent", label: "Urgent", visitors: 3, impressions: 4, conversions: 1 },
      { arm: "holdout", label: "Holdout (control)", visitors: 1, impressions: 1, conversions: 1 },
    ]);
    expect(results.arms[0]!.rate).toBeCloseTo(1 / 3);
    expect(results.arms[0]!.lift!.lift).toBeCloseTo(1 / 3 - 1);
    expect(results.arms[0]!.verdict!.tone).toBe("waiting");
    expect(results.days.map((d) => d.day)).toEqual(["2026-03-02", "2026-03-03"]);
    expect(results.days[1]!.arms["variant:urgent"]).toEqual({ visitors: 1, conversions: 1 });
    // 7 days from day 2 still covers both; the pricing goal has its own rollup rows.
    expect((await personalizationResults(actor.workspaceId, { ...subject, primaryGoal: "pricing" }, "7d", day2)).arms[0]!.conversions).toBe(1);
    const summary = (await resultsSummaries(actor.workspaceId, [subject], day2)).get("cta")!;
    expect(summary.visitors).toBe(4);
    expect(summary.best?.label).toBe("Urgent");

    // Retention: raw rows go after the period, the rollups stay.
    const e = tables.analyticsEvents;
    expect((await getDb().select().from(e).where(eq(e.workspaceId, actor.workspaceId))).length).toBeGreaterThan(0);
    await purgeOldAnalytics({ now: new Date(day2.getTime() + 91 * 86_400_000), force: true });
    expect(await getDb().select().from(e).where(eq(e.workspaceId, actor.workspaceId))).toEqual([]);
    expect(await getDb().select().from(tables.analyticsExposures).where(eq(tables.analyticsExposures.workspaceId, actor.workspaceId))).toEqual([]);
    expect((await personalizationResults(actor.workspaceId, subject, "all", day2)).arms[0]!.visitors).toBe(3);
  });

  it("buffers impressions per process: written in one flush, deduplicated across flushes and nodes, rolled up once, seen by a conversion right after, bounded", async () => {
    const [inside] = visitorIds(actor.workspaceId, 1, true);
    const [a, b, c, d] = visitorIds(actor.workspaceId, 4, false);
    const day = new Date("2026-03-02T10:00:00Z");
    const cta = (...arms: string[]) => arms.map((arm) => ({ placement: "cta", arm }));
    const events = tables.analyticsEvents;
    const rawRows = async () => (await getDb().select().from(events).where(eq(events.workspaceId, actor.workspaceId))).length;

    // Accepted in the request, nothing written yet; a repeat in the buffer is not accepted twice.
    expect(await recordImpressions(actor.workspaceId, a!, cta("variant:urgent"), day)).toBe(1);
    expect(await recordImpressions(actor.workspaceId, a!, cta("variant:urgent"), day)).toBe(0);
    expect(await recordImpressions(actor.workspaceId, inside!, cta("holdout"), day)).toBe(1);
    expect(bufferedImpressions()).toBe(2);
    expect(await rawRows()).toBe(0);
    expect(await flushImpressions()).toBe(2);
    expect(bufferedImpressions()).toBe(0);
    expect(await rawRows()).toBe(2);

    // The same report again after this process forgot it (another node, or a restart): accepted, but the
    // unique index drops it and the rollup is not incremented again.
    resetImpressionsForTests();
    expect(await recordImpressions(actor.workspaceId, a!, cta("variant:urgent"), day)).toBe(1);
    expect(await flushImpressions()).toBe(0);
    // A new day is a new impression, not a new visitor.
    expect(await recordImpressions(actor.workspaceId, a!, cta("variant:urgent"), new Date("2026-03-03T10:00:00Z"))).toBe(1);
    expect(await flushImpressions()).toBe(1);

    // A conversion right after a buffered exposure (no flush in between) is attributed to it.
    expect(await recordImpressions(actor.workspaceId, b!, cta("variant:urgent"), day)).toBe(1);
    expect(bufferedImpressions()).toBe(1);
    await recordTrack(actor.workspaceId, b!, { id: "t-b-abcdef", key: "signup" }, new Date(day.getTime() + 1_000));
    expect(bufferedImpressions()).toBe(0);

    const results = await personalizationResults(actor.workspaceId, subject, "all", new Date("2026-03-03T12:00:00Z"));
    expect(results.arms.map(({ arm, visitors, impressions, conversions }) => ({ arm, visitors, impressions, conversions }))).toEqual([
      { arm: "variant:urgent", visitors: 2, impressions: 3, conversions: 1 },
      { arm: "holdout", visitors: 1, impressions: 1, conversions: 0 },
    ]);

    // Bounded: when the buffer is full, further reports are dropped (not accepted) and a flush starts at once.
    resetImpressionsForTests(1);
    expect(await recordImpressions(actor.workspaceId, c!, cta("variant:urgent"), day)).toBe(1);
    expect(await recordImpressions(actor.workspaceId, d!, cta("variant:urgent"), day)).toBe(0);
    await flushImpressions();
    const exposures = tables.analyticsExposures;
    const exposed = await getDb().select({ visitorId: exposures.visitorId }).from(exposures).where(eq(exposures.workspaceId, actor.workspaceId));
    expect(exposed).toHaveLength(4);
    expect(await recordImpressions(actor.workspaceId, d!, cta("variant:urgent"), day)).toBe(1);
    expect(await flushImpressions()).toBe(1);
  });
  it("keeps a batch the database refused and writes it with the next flush; gives up after a few tries", async () => {
    const [a, b] = visitorIds(actor.workspaceId, 2, false);
    const day = new Date("2026-03-02T10:00:00Z");
    const events = tables.analyticsEvents;
    const rawRows = async () => (await getDb().select().from(events).where(eq(events.workspaceId, actor.workspaceId))).length;
    // A real refusal: the raw table is briefly missing (this file has its own database).
    const hideTable = async (hidden: boolean) => {
      const statement = sql.raw(hidden ? "ALTER TABLE analytics_events RENAME TO analytics_events_away" : "ALTER TABLE analytics_events_away RENAME TO analytics_events");
      if (dialect === "postgres") await (getDb() as unknown as NodePgDatabase).execute(statement);
      else await getDb().run(statement);
    };

    expect(await recordImpressions(actor.workspaceId, a!, [{ placement: "cta", arm: "variant:urgent" }], day)).toBe(1);
    await hideTable(true);
    expect(await flushImpressions()).toBe(0);
    await hideTable(false);
    expect(bufferedImpressions()).toBe(1); // back in the buffer, not lost
    expect(await flushImpressions()).toBe(1);
    expect(await rawRows()).toBe(1);

    // A batch that keeps failing is dropped after the last try, so it can't hold the buffer forever.
    expect(await recordImpressions(actor.workspaceId, b!, [{ placement: "cta", arm: "variant:urgent" }], day)).toBe(1);
    await hideTable(true);
    let tries = 0;
    while (bufferedImpressions() > 0 && tries < 20) {
      await flushImpressions();
      tries++;
    }
    await hideTable(false);
    expect(tries).toBe(5);
    expect(await flushImpressions()).toBe(0);
    expect(await rawRows()).toBe(1);
  });
});
