// "Personalization variant first seen": the first time a visitor is shown a variant, if a rule
// asks for it. The outbox's idempotency key (rule + visitor + placement + variant) makes it the
// first time ever; a per-process memory keeps repeat page views from even trying the insert.
import { LRUCache } from "lru-cache";
import { cachedHasEnabledRule, enabledRules } from "@/lib/behavior/rules";
import { recordBehavior } from "./behavior-record";

const seen = new LRUCache<string, true>({ max: 100_000, ttl: 60 * 60_000 });

/**
 * Returns undefined, without building a promise, when there is nothing to record (no variant shown,
 * or no enabled "variant_seen" rule in this process's fresh copy): the warm decision's usual case.
 */
export function recordVariantsSeen(
  workspaceId: string,
  visitorId: string,
  personalizations: readonly { placementKey: string; name: string }[],
  placements: Record<string, { variant: string | null }>,
): Promise<void> | undefined {
  let anyShown = false;
  for (const p of personalizations) if (placements[p.placementKey]?.variant) anyShown = true;
  if (!anyShown || cachedHasEnabledRule(workspaceId, "variant_seen") === false) return undefined;
  return recordShown(workspaceId, visitorId, personalizations, placements);
}

async function recordShown(
  workspaceId: string,
  visitorId: string,
  personalizations: readonly { placementKey: string; name: string }[],
  placements: Record<string, { variant: string | null }>,
): Promise<void> {
  const shown = personalizations.filter((p) => placements[p.placementKey]?.variant);
  if ((await enabledRules(workspaceId, "variant_seen")).length === 0) return;
  for (const p of shown) {
    const variant = placements[p.placementKey]!.variant!;
    const key = `variant:${visitorId}:${p.placementKey}:${variant}`;
    if (seen.has(key)) continue;
    seen.set(key, true);
    await recordBehavior(workspaceId, visitorId, {
      behavior: "variant_seen",
      subject: p.placementKey,
      key,
      at: new Date(),
      metadata: [
        ["placement", p.placementKey],
        ["personalization", p.name],
        ["variant", variant],
      ],
    });
  }
}
