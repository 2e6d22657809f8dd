import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryWindows, RateLimiter } from "./rate-limit";
import { testRedisUrl } from "@/lib/shared/test-redis";

describe("RateLimiter (in memory)", () => {
  it("allows `limit` hits per window and key, then says when to retry", async () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000 });
    expect(await limiter.hit("a")).toEqual({ ok: true, remaining: 1 });
    expect(await limiter.hit("a")).toEqual({ ok: true, remaining: 0 });
    expect(await limiter.hit("a")).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect((await limiter.hit("b")).ok).toBe(true);
  });

  it("opens a new window when the last one ends", async () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000 });
    expect((await limiter.hit("a")).ok).toBe(true);
    expect((await limiter.hit("a")).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await limiter.hit("a")).ok).toBe(true);
  });
});

describe("MemoryWindows", () => {
  it("counts synchronously per key and window, and forgets expired windows (bounded memory)", () => {
    const windows = new MemoryWindows(1, 1_000);
    expect(windows.hit("a", 0)).toEqual({ ok: true, remaining: 0 });
    expect(windows.hit("a", 500)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(windows.hit("b", 500)).toEqual({ ok: true, remaining: 0 });
    expect(windows.size).toBe(2);
    expect(windows.hit("c", 1_600)).toEqual({ ok: true, remaining: 0 });
    expect(windows.size).toBe(1); // a's and b's windows (ended at 1,000 and 1,500) were swept; c is new
    expect(windows.hit("b", 1_700)).toEqual({ ok: true, remaining: 0 });
  });

  it("is what a limiter without Redis answers, without a promise", () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.hitNow("k")).toEqual({ ok: true, remaining: 0 });
    expect(limiter.hitNow("k")).toEqual({ ok: false, retryAfterSeconds: 60 });
  });
});

describe("RateLimiter (Redis)", () => {
  const redis = new Redis(testRedisUrl(), { keyPrefix: `tailor-test-${process.pid}-${Date.now()}:`, maxRetriesPerRequest: 0 });
  afterAll(() => redis.quit());

  it("counts every node's hits against one window", async () => {
    await redis.ping();
    // Two limiters on one Redis stand for two app nodes.
    const nodeA = new RateLimiter({ limit: 10, windowMs: 60_000, redis });
    const nodeB = new RateLimiter({ limit: 10, windowMs: 60_000, redis });
    expect(nodeA.hitNow("site|1.2.3.4")).toBeUndefined(); // shared windows are counted in Redis only
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? nodeA : nodeB).hit("site|1.2.3.4")));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, retryAfterSeconds: 60 });
  });

  it("falls back to a per-process limit when Redis is unreachable", async () => {
    const dead = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, redis: dead });
    const results = await Promise.all([1, 2, 3].map(() => limiter.hit("k")));
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    dead.disconnect();
  });
});
