import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { z } from "zod";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { normalizeOrigin } from "@/lib/website/origin";
import { broadcastInvalidate, onInvalidate } from "@/lib/shared/bus";
import type { websiteSettingsSchema } from "@/lib/website/schema";

/** apiBase: where the snippet sends API calls (null: the host tailor.js came from). */
export type SiteView = { workspaceId: string; siteKey: string; allowedOrigins: string[]; hideMs: number; apiBase: string | null };

function newSiteKey(): string {
  return `site_${randomBytes(15).toString("base64url")}`;
}

/** The workspace's website settings, created with a fresh site key on first use. */
export async function getOrCreateSite(workspaceId: string, tx: DbOrTx = getDb()): Promise<SiteView> {
  const s = tables.sites;
  const [existing] = await tx.select().from(s).where(eq(s.workspaceId, workspaceId));
  if (existing) return existing;
  await tx.insert(s).values({ workspaceId, siteKey: newSiteKey(), allowedOrigins: [] }).onConflictDoNothing();
  const [row] = await tx.select().from(s).where(eq(s.workspaceId, workspaceId));
  return row!;
}

// Every snippet request looks its site up; keep hits (and misses, against key guessing) briefly.
// Saving website settings or publishing clears the entry on every node (lib/shared/bus.ts).
const siteCache = new LRUCache<string, { site: SiteView | null }>({ max: 10_000, ttl: 10_000 });
onInvalidate("site", (siteKey) => (siteKey === "*" ? siteCache.clear() : siteCache.delete(siteKey)));
onInvalidate("live", (workspaceId) => {
  if (workspaceId === "*") return siteCache.clear();
  for (const [key, entry] of siteCache.entries()) if (entry.site?.workspaceId === workspaceId) siteCache.delete(key);
});

/** A cached lookup, read synchronously: `{ site }` (null for a known-unknown key), or undefined when findSiteByKey must query. */
export function cachedSiteByKey(siteKey: string): { site: SiteView | null } | undefined {
  return siteCache.get(siteKey);
}

export async function findSiteByKey(siteKey: string): Promise<SiteView | null> {
  const cached = siteCache.get(siteKey);
  if (cached) return cached.site;
  const s = tables.sites;
  const [row] = await getDb().select().from(s).where(eq(s.siteKey, siteKey));
  siteCache.set(siteKey, { site: row ?? null });
  return row ?? null;
}

export { websiteSettingsSchema, type WebsiteSettingsInput } from "@/lib/website/schema";

export async function updateWebsiteSettings(
  actor: { workspaceId: string; userId: string },
  input: z.output<typeof websiteSettingsSchema>,
): Promise<SiteView> {
  const allowedOrigins = [...new Set(input.allowedOrigins.map((o) => normalizeOrigin(o)!))];
  const apiBase = input.apiBase || null;
  const saved = await getDb().transaction(async (tx) => {
    await getOrCreateSite(actor.workspaceId, tx);
    await tx.update(tables.sites).set({ allowedOrigins, hideMs: input.hideMs, apiBase }).where(eq(tables.sites.workspaceId, actor.workspaceId));
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "website.updated", details: { allowedOrigins, hideMs: input.hideMs, apiBase } }, tx);
    return getOrCreateSite(actor.workspaceId, tx);
  });
  await broadcastInvalidate("site", saved.siteKey);
  return saved;
}
