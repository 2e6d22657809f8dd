/**
 * The snippet API's rate limit (per key: the handler decides what identifies a caller). The site key
 * is public, so this is what stands between a hostile page and our database and Intercom budget.
 * Must never: fail open silently when Redis dies (a per-process limit takes over), throw into the
 * request, or keep unbounded per-key memory.
 */
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type RateLimitOptions = {
  limit: number;
  windowMs: number;
  /** Shared store: every app node counts against the same window. Without it, per process. */
  redis?: Redis | null;
  keyPrefix?: string;
};
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * Fixed windows counted in this process, synchronously (no promise, no timer per key): what
 * RateLimiterMemory does, for the per-process case where every request pays for it. A window opens
 * at a key's first hit and lasts `windowMs`; expired windows are swept at most once per window, so
 * memory holds at most the keys seen in the last two windows.
 */
export class MemoryWindows {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(key: string, now = Date.now()): RateLimitResult {
    if (now >= this.nextSweep) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
      this.nextSweep = now + this.windowMs;
    }
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) this.windows.set(key, (window = { count: 0, resetAt: now + this.windowMs }));
    window.count++;
    if (window.count > this.limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
    return { ok: true, remaining: this.limit - window.count };
  }

  get size(): number {
    return this.windows.size;
  }
}

/** Fixed windows: in Redis when configured (rate-limiter-flexible, with an in-memory fallback while Redis is down), else in this process. */
export class RateLimiter {
  private readonly limiter: RateLimiterAbstract | null;
  private readonly local: MemoryWindows | null;

  constructor(options: RateLimitOptions) {
    const duration = Math.max(1, Math.round(options.windowMs / 1000));
    const keyPrefix = options.keyPrefix ?? "public-rl";
    if (options.redis) {
      const memory = new RateLimiterMemory({ points: options.limit, duration, keyPrefix });
      this.limiter = new RateLimiterRedis({ storeClient: options.redis, points: options.limit, duration, keyPrefix, rejectIfRedisNotReady: true, insuranceLimiter: memory });
      this.local = null;
    } else {
      this.limiter = null;
      this.local = new MemoryWindows(options.limit, duration * 1000);
    }
  }

  /** The answer without waiting when counted in this process (no Redis); undefined when `hit` must ask Redis. */
  hitNow(key: string): RateLimitResult | undefined {
    return this.local?.hit(key);
  }

  async hit(key: string): Promise<RateLimitResult> {
    if (this.local) return this.local.hit(key);
    try {
      const res = await this.limiter!.consume(key, 1);
      return { ok: true, remaining: res.remainingPoints };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      // The store failed and so did the fallback: let the request through rather than fail it.
      return { ok: true, remaining: 0 };
    }
  }
}
