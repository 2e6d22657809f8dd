import { flushImpressions } from "./analytics-record";
import { flushSiteActivity } from "./site-activity";

/**
 * What the public API keeps in memory and writes in batches (impressions, site activity), written
 * now: at shutdown, after the HTTP server has closed, so no request can add more afterwards.
 */
export async function flushRuntimeBuffers(): Promise<void> {
  await Promise.all([flushImpressions(), flushSiteActivity()]);
}
