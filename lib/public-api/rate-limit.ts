import { LRUCache } from "lru-cache";

export type RateLimitOptions = { limit: number; windowMs: number; maxKeys?: number; now?: () => number };
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * Fixed-window counter per key (site key + client IP) in an LRU, so memory stays bounded under
 * many IPs. Per process: behind several app instances each allows `limit` (documented).
 */
export class RateLimiter {
  private readonly windows: LRUCache<string, { start: number; count: number }>;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.windows = new LRUCache({ max: options.maxKeys ?? 50_000 });
    this.now = options.now ?? Date.now;
  }

  hit(key: string): RateLimitResult {
    const now = this.now();
    const current = this.windows.get(key);
    const window = current && now - current.start < this.options.windowMs ? current : { start: now, count: 0 };
    window.count += 1;
    this.windows.set(key, window);
    if (window.count > this.options.limit) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000)) };
    }
    return { ok: true, remaining: this.options.limit - window.count };
  }
}
