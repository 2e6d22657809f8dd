// Raw analytics are kept for TAILOR_ANALYTICS_RETENTION_DAYS (default 90); the daily rollups stay.
// Run by the worker's housekeeping, at most every 10 minutes per process; each delete uses its time index.
import { lt } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { env } from "@/lib/env";

const EVERY_MS = 10 * 60_000;
let lastRun = 0;

/** Deletes raw rows older than the retention period; false when skipped (run recently); `force` skips the spacing (tests). */
export async function purgeOldAnalytics({ now = new Date(), force = false }: { now?: Date; force?: boolean } = {}): Promise<boolean> {
  if (!force && now.getTime() - lastRun < EVERY_MS) return false;
  lastRun = now.getTime();
  const cutoff = new Date(now.getTime() - env().TAILOR_ANALYTICS_RETENTION_DAYS * 86_400_000);
  const db = getDb();
  const e = tables.analyticsEvents;
  const x = tables.analyticsExposures;
  const c = tables.analyticsConversions;
  // Run every few minutes, each delete removes only the few minutes that just passed the cutoff.
  await db.delete(e).where(lt(e.occurredAt, cutoff));
  // A visitor not seen for the whole period counts as new when they come back.
  await db.delete(x).where(lt(x.lastAt, cutoff));
  await db.delete(c).where(lt(c.firstAt, cutoff));
  return true;
}
