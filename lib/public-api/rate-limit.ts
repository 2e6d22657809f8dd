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

/** Fixed windows (rate-limiter-flexible): in Redis when configured, with an in-memory fallback while Redis is down. */
export class RateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(options: RateLimitOptions) {
    const duration = Math.max(1, Math.round(options.windowMs / 1000));
    const keyPrefix = options.keyPrefix ?? "public-rl";
    const memory = new RateLimiterMemory({ points: options.limit, duration, keyPrefix });
    this.limiter = options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, points: options.limit, duration, keyPrefix, rejectIfRedisNotReady: true, insuranceLimiter: memory })
      : memory;
  }

  async hit(key: string): Promise<RateLimitResult> {
    try {
      const res = await this.limiter.consume(key, 1);
      return { ok: true, remaining: res.remainingPoints };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      // The store failed and so did the fallback: let the request through rather than fail it.
      return { ok: true, remaining: 0 };
    }
  }
}
