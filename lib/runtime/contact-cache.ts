import { LRUCache } from "lru-cache";
import type { ContactTag, IntercomContact } from "@/lib/intercom";

export type CachedContact = { contact: IntercomContact; tags: ContactTag[]; fetchedAt: number };

export type ContactCacheOptions = { ttlMs: number; max: number; now?: () => number };

export function contactCacheOptionsFromEnv(env: Record<string, string | undefined> = process.env): ContactCacheOptions {
  const ttlSeconds = Number(env.TAILOR_CONTACT_CACHE_TTL_SECONDS ?? 300);
  const max = Number(env.TAILOR_CONTACT_CACHE_MAX ?? 10_000);
  return {
    ttlMs: Number.isFinite(ttlSeconds) && ttlSeconds >= 0 ? ttlSeconds * 1000 : 300_000,
    max: Number.isFinite(max) && max > 0 ? max : 10_000,
  };
}

/**
 * Intercom contact data (with tag names) per workspace and contact, bounded by an LRU and a TTL.
 * Concurrent misses for one contact share a single fetch (lru-cache `fetch`), so a burst of page
 * views costs one Intercom read. Tailor's own writes invalidate the entry.
 */
export class ContactCache {
  private readonly cache: LRUCache<string, CachedContact, () => Promise<CachedContact>>;

  constructor(options: ContactCacheOptions) {
    this.cache = new LRUCache<string, CachedContact, () => Promise<CachedContact>>({
      max: options.max,
      ttl: options.ttlMs || 1,
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
      fetchMethod: async (_key, _stale, { context }) => context(),
      // A failed refresh must not serve or keep stale data silently: callers fall back explicitly.
      noDeleteOnFetchRejection: false,
    });
  }

  private key(workspaceId: string, contactId: string) {
    return `${workspaceId}\u0000${contactId}`;
  }

  async get(workspaceId: string, contactId: string, load: () => Promise<CachedContact>): Promise<CachedContact> {
    const value = await this.cache.fetch(this.key(workspaceId, contactId), { context: load });
    if (!value) throw new Error("contact cache: load returned nothing");
    return value;
  }

  peek(workspaceId: string, contactId: string): CachedContact | undefined {
    return this.cache.get(this.key(workspaceId, contactId));
  }

  invalidate(workspaceId: string, contactId: string): void {
    this.cache.delete(this.key(workspaceId, contactId));
  }

  get size(): number {
    return this.cache.size;
  }
}

const globalForCache = globalThis as unknown as { tailorContactCache?: ContactCache };

/** The process-wide cache used by the decision API, the debug panel and the sync engine's invalidations. */
export function contactCache(): ContactCache {
  globalForCache.tailorContactCache ??= new ContactCache(contactCacheOptionsFromEnv());
  return globalForCache.tailorContactCache;
}
