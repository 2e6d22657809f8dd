// Deterministic holdout assignment: a pure function of the workspace, the personalization (its
// placement key, stable across publishes) and the visitor's anonymous id, so every page, every
// node and every process puts a visitor in the same arm without storing anything.

export const DEFAULT_HOLDOUT_PERCENT = 10;
export const MAX_HOLDOUT_PERCENT = 50;
const BUCKETS = 10_000;

/** FNV-1a over UTF-16 code units, then murmur3's finalizer so nearby ids spread evenly. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The visitor's bucket for this personalization, 0 … 9,999. */
export function holdoutBucket(workspaceId: string, placementKey: string, visitorId: string): number {
  return hash32(`${workspaceId}\u0000${placementKey}\u0000${visitorId}`) % BUCKETS;
}

/** True when the visitor belongs to the personalization's control group (`percent` of 0–50). */
export function isInHoldout(workspaceId: string, placementKey: string, visitorId: string, percent: number): boolean {
  if (!(percent > 0)) return false;
  return holdoutBucket(workspaceId, placementKey, visitorId) < Math.min(percent, MAX_HOLDOUT_PERCENT) * (BUCKETS / 100);
}

/**
 * What the debug panel and the preview say about a contact and a personalization's holdout. The
 * holdout is per browser (anonymous id), so it is read from the contact's most recently seen visitor.
 */
export function holdoutNote(workspaceId: string, p: { placementKey: string; holdoutPercent: number }, matched: boolean, latestVisitor: string | null): string | null {
  if (!matched || !(p.holdoutPercent > 0)) return null;
  if (!latestVisitor) return `Holdout ${p.holdoutPercent} %: decided per browser on the first visit; this contact has no website visit yet.`;
  return isInHoldout(workspaceId, p.placementKey, latestVisitor, p.holdoutPercent)
    ? `In the ${p.holdoutPercent} % holdout (their latest browser): they see the default content instead.`
    : `Not in the ${p.holdoutPercent} % holdout (their latest browser).`;
}
