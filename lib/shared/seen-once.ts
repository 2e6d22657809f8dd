import { LRUCache } from "lru-cache";
import { tryRedis } from "./redis";

/**
 * "Has this happened in the last `ttlMs`?" for deduplicating writes (a flow step shown again):
 * remembered per process, and across app nodes with Redis (SET NX), so N nodes write once, not N
 * times. While Redis is down each process remembers on its own (at most one write per node).
 */
export class SeenOnce {
  private readonly local: LRUCache<string, true>;

  constructor(private readonly options: { name: string; ttlMs: number; max: number }) {
    this.local = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  /** True the first time `key` is seen within the TTL (here or, with Redis, on any node). */
  async first(key: string): Promise<boolean> {
    if (this.local.has(key)) return false;
    this.local.set(key, true);
    const set = await tryRedis((r) => r.set(`${this.options.name}:${key}`, "1", "PX", this.options.ttlMs, "NX"));
    return set === undefined || set === "OK";
  }
}
