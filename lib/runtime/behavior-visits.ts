// Page views and Tailor.track calls reported by the snippet: the visitor's behaviour facts (visit
// count, first-touch UTM, last page) and the data events the workspace's rules make of them.
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { touchVisitor } from "./visitors";
import { linkOf } from "@/lib/behavior/metadata";
import { recordBehavior } from "./behavior-record";
import { queueBehaviorFieldWrites } from "./behavior-fields";
import { activeGoals, pageGoals, trackGoals } from "@/lib/analytics/goals";
import { recordConversions } from "./analytics-record";

/** A page view this long after the previous one starts a new visit. */
export const VISIT_GAP_MS = 30 * 60_000;

export type Utm = { source?: string; medium?: string; campaign?: string };
export type PageView = { id: string; path: string; url?: string; title?: string; utm?: Utm };

export async function recordPageView(workspaceId: string, anonymousId: string, page: PageView, at = new Date()): Promise<{ visitCount: number; events: number }> {
  const visitor = await touchVisitor(workspaceId, anonymousId);
  const b = tables.visitorBehavior;
  const db = getDb();
  const visitCount = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(b).where(eq(b.visitorId, visitor.id));
    const newVisit = !current?.lastPageAt || at.getTime() - current.lastPageAt.getTime() >= VISIT_GAP_MS;
    const count = (current?.visitCount ?? 0) + (newVisit ? 1 : 0);
    if (!current) {
      // First touch: the UTM parameters of the visitor's first page view (none: a direct visit).
      await tx
        .insert(b)
        .values({
          visitorId: visitor.id,
          workspaceId,
          visitCount: count,
          firstUtmSource: page.utm?.source ?? null,
          firstUtmMedium: page.utm?.medium ?? null,
          firstUtmCampaign: page.utm?.campaign ?? null,
          lastPage: page.path,
          lastPageAt: at,
        })
        .onConflictDoUpdate({ target: b.visitorId, set: { lastPage: page.path, lastPageAt: at } });
    } else {
      await tx.update(b).set({ visitCount: count, lastPage: page.path, lastPageAt: at }).where(eq(b.visitorId, visitor.id));
    }
    return count;
  });
  await queueBehaviorFieldWrites(workspaceId, visitor.id);
  await recordConversions(workspaceId, visitor.id, pageGoals(await activeGoals(workspaceId), page.path), at);
  const events = await recordBehavior(workspaceId, visitor.id, {
    behavior: "page_visit",
    subject: page.path,
    key: `page:${page.id}`,
    at,
    metadata: [
      ["path", page.path],
      ["url", linkOf(page.url)],
      ["title", page.title],
      ["visit_count", visitCount],
      ["utm_source", page.utm?.source],
      ["utm_medium", page.utm?.medium],
      ["utm_campaign", page.utm?.campaign],
    ],
  });
  return { visitCount, events };
}

export type TrackCall = { id: string; key: string; properties?: Record<string, string | number | boolean> };

/** `Tailor.track("key", {…})`: a custom behaviour; its properties become metadata after the key. */
export async function recordTrack(workspaceId: string, anonymousId: string, call: TrackCall, at = new Date()): Promise<{ events: number }> {
  const visitor = await touchVisitor(workspaceId, anonymousId);
  await recordConversions(workspaceId, visitor.id, trackGoals(await activeGoals(workspaceId), call.key), at);
  const events = await recordBehavior(workspaceId, visitor.id, {
    behavior: "track",
    subject: call.key,
    key: `track:${call.id}`,
    at,
    metadata: [["key", call.key], ...Object.entries(call.properties ?? {})],
  });
  return { events };
}
