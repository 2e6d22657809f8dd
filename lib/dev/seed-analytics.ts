// A few weeks of generated results history for the demo workspace, so the results page, the list's
// result line and the Overview have something to show on a fresh `npm run demo`. Deterministic (a
// seeded PRNG, days counted back from today), written as the daily rollups the pages read; raw
// events are not generated (they would only be purged). Runs once: skipped when the workspace has any.
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { addDays, dayOf } from "@/lib/analytics/days";
import { DEMO_GOAL } from "./seed-website";

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Binomial draw by summing Bernoulli trials (n stays in the hundreds). */
function draw(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

export async function seedDemoAnalytics(workspaceSlug: string, { days = 28, now = new Date() }: { days?: number; now?: Date } = {}): Promise<number> {
  const db = getDb();
  const [workspace] = await db.select().from(tables.workspaces).where(eq(tables.workspaces.slug, workspaceSlug));
  if (!workspace) throw new Error(`no workspace ${workspaceSlug}`);
  const d = tables.analyticsDaily;
  if ((await db.select({ day: d.day }).from(d).where(eq(d.workspaceId, workspace.id)).limit(1)).length > 0) return 0;
  const rand = random(18);
  const today = dayOf(now);
  // The trial call to action: the offer converts at ~7 %, the 10 % holdout at ~4 %; traffic grows a little.
  const arms = [
    { arm: "variant:demo-offer", share: 0.9, rate: 0.07 },
    { arm: "holdout", share: 0.1, rate: 0.04 },
  ];
  const rows: (typeof d.$inferInsert)[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    const traffic = Math.round(150 + (days - i) * 3 + rand() * 60);
    for (const a of arms) {
      const visitors = draw(rand, traffic, a.share);
      const returning = Math.round(visitors * (0.2 + rand() * 0.1));
      rows.push({ workspaceId: workspace.id, placementKey: "cta", day, arm: a.arm, goalKey: "", visitors, impressions: visitors + returning, conversions: 0 });
      rows.push({ workspaceId: workspace.id, placementKey: "cta", day, arm: a.arm, goalKey: DEMO_GOAL.key, visitors: 0, impressions: 0, conversions: draw(rand, visitors, a.rate) });
    }
  }
  await db.insert(d).values(rows);
  return rows.length;
}
