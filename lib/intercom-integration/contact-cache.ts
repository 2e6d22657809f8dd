import type { ContactTag, IntercomContact } from "@/lib/intercom";
import { onInvalidate } from "@/lib/shared/bus";
import { TwoLevelCache } from "@/lib/shared/two-level-cache";
import { env, parseEnv, type EnvSource } from "@/lib/env";

export type CachedContact = { contact: IntercomContact; tags: ContactTag[]; fetchedAt: number };

export type ContactCacheOptions = { ttlMs: number; max: number; localFreshMs?: number; now?: () => number };

export function contactCacheOptionsFromEnv(source?: EnvSource): ContactCacheOptions {
  const settings = source ? parseEnv(source) : env();
  return {
    ttlMs: settings.TAILOR_CONTACT_CACHE_TTL_SECONDS * 1000,
    max: settings.TAILOR_CONTACT_CACHE_MAX,
    localFreshMs: settings.TAILOR_CONTACT_CACHE_LOCAL_MS,
  };
}

/**
 * Intercom contact data (with tag names) per workspace and contact: an LRU per process in front of
 * Redis when REDIS_URL is set (every node reads the same entry, so one Intercom read per contact per
 * TTL whatever the number of nodes). Concurrent misses in a process share one fetch; Tailor's own
 * writes invalidate the entry (here and in Redis).
 */
export class ContactCache {
  private readonly cache: TwoLevelCache<CachedContact>;

  constructor(options: ContactCacheOptions) {
    this.cache = new TwoLevelCache<CachedContact>({
      name: "contact",
      max: options.max,
      ttlMs: options.ttlMs,
      localFreshMs: options.localFreshMs ?? 2_000,
      ...(options.now ? { now: options.now } : {}),
    });
  }

  private key(workspaceId: string, contactId: string) {
    return `${workspaceId}:${contactId}`;
  }

  async get(workspaceId: string, contactId: string, load: () => Promise<CachedContact>): Promise<CachedContact> {
    return this.cache.get(this.key(workspaceId, contactId), load);
  }

  /** Stores a contact read elsewhere (identification's search result), so the next decision reads nothing. */
  async set(workspaceId: string, entry: CachedContact): Promise<void> {
    await this.cache.set(this.key(workspaceId, entry.contact.id), entry);
  }

  /** What `get` would return without waiting (see TwoLevelCache.fresh); undefined when it must ask Redis or Intercom. */
  fresh(workspaceId: string, contactId: string): CachedContact | undefined {
    return this.cache.fresh(this.key(workspaceId, contactId));
  }

  peek(workspaceId: string, contactId: string): CachedContact | undefined {
    return this.cache.peek(this.key(workspaceId, contactId));
  }

  /** Drops the entry here at once and in Redis (commands on one connection run in order, so a later read misses). */
  invalidate(workspaceId: string, contactId: string): void {
    void this.cache.invalidate(this.key(workspaceId, contactId));
  }

  /** Drops this process's copies of one workspace's contacts (bus topic "contact", e.g. after a workspace switch). */
  forgetWorkspaceLocal(workspaceId: string): void {
    this.cache.forgetLocalPrefix(`${workspaceId}:`);
  }

  /** Drops every copy this process holds. */
  clearLocal(): void {
    this.cache.clearLocal();
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

onInvalidate("contact", (workspaceId) => (workspaceId === "*" ? contactCache().clearLocal() : contactCache().forgetWorkspaceLocal(workspaceId)));
