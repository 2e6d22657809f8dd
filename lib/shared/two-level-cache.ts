import { LRUCache } from "lru-cache";
import { readyRedis, redisClient, tryRedis } from "./redis";

export type TwoLevelCacheOptions<T> = {
  /** Redis key namespace (after the global prefix), e.g. "contact". */
  name: string;
  max: number;
  ttlMs: number;
  /** With Redis: how long this process trusts its own copy before asking Redis again (invalidations by other nodes show within it). */
  localFreshMs: number;
  /** Rebuilds values whose JSON lost their types (dates). */
  revive?: (value: T) => T;
  now?: () => number;
};

type Entry<T> = { value: T; checkedAt: number };

/**
 * A per-process LRU (L1) in front of Redis (L2, when REDIS_URL is set). Without Redis, or while it
 * is down, L1 alone keeps entries for the full TTL; with Redis, L1 re-checks Redis after
 * `localFreshMs`, so every node reads the same entry and one node's invalidation reaches the others.
 * Concurrent misses for one key in a process share one load.
 */
export class TwoLevelCache<T> {
  private readonly l1: LRUCache<string, Entry<T>>;
  private readonly inflight = new Map<string, Promise<T>>();
  private readonly now: () => number;

  constructor(private readonly options: TwoLevelCacheOptions<T>) {
    this.now = options.now ?? Date.now;
    this.l1 = new LRUCache<string, Entry<T>>({
      max: options.max,
      ttl: options.ttlMs || 1,
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  private redisKey(key: string) {
    return `${this.options.name}:${key}`;
  }

  private parse(raw: string): T | undefined {
    try {
      const value = JSON.parse(raw) as T;
      return this.options.revive ? this.options.revive(value) : value;
    } catch {
      return undefined;
    }
  }

  /** The value `get` would return without waiting (this process's copy, still fresh), read synchronously; else undefined. */
  fresh(key: string): T | undefined {
    const local = this.l1.get(key);
    return local && (!readyRedis() || this.now() - local.checkedAt < this.options.localFreshMs) ? local.value : undefined;
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const local = this.fresh(key);
    if (local !== undefined) return local;
    const running = this.inflight.get(key);
    if (running) return running;
    const promise = this.fetch(key, load).finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  private async fetch(key: string, load: () => Promise<T>): Promise<T> {
    const k = this.redisKey(key);
    // One round trip: the value and its remaining lifetime (L1 must not outlive the shared entry).
    const replies = await tryRedis((r) => r.pipeline().get(k).pttl(k).exec());
    if (!replies || replies.some(([error]) => error)) {
      // Redis didn't answer (timeout, restart): this process's copy is still within the TTL, so use it.
      const local = this.l1.get(key);
      if (local) return local.value;
    }
    const raw = replies?.[0]?.[1];
    const remaining = Number(replies?.[1]?.[1]);
    const shared = typeof raw === "string" ? this.parse(raw) : undefined;
    if (shared !== undefined) {
      this.l1.set(key, { value: shared, checkedAt: this.now() }, { ttl: remaining > 0 ? remaining : this.options.ttlMs || 1 });
      return shared;
    }
    const value = await load();
    await this.set(key, value);
    return value;
  }

  /** Stores a value this process already has (e.g. the contact an email search returned). */
  async set(key: string, value: T): Promise<void> {
    this.l1.set(key, { value, checkedAt: this.now() });
    if (this.options.ttlMs > 0) await tryRedis((r) => r.set(this.redisKey(key), JSON.stringify(value), "PX", this.options.ttlMs));
  }

  peek(key: string): T | undefined {
    return this.l1.get(key)?.value;
  }

  /** Drops the entry here and in Redis (other nodes re-check within `localFreshMs`). */
  async invalidate(key: string): Promise<void> {
    this.l1.delete(key);
    if (redisClient()) await tryRedis((r) => r.del(this.redisKey(key)));
  }

  /** Drops this process's copy only (an invalidation broadcast by another node). */
  forgetLocal(key: string): void {
    this.l1.delete(key);
  }

  /** Drops this process's copies whose key starts with `prefix` (e.g. one workspace's entries). */
  forgetLocalPrefix(prefix: string): void {
    for (const key of [...this.l1.keys()]) if (key.startsWith(prefix)) this.l1.delete(key);
  }

  /** Drops every copy this process holds (after missed invalidations). */
  clearLocal(): void {
    this.l1.clear();
  }

  get size(): number {
    return this.l1.size;
  }
}
