import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows `limit` hits per window and key, then says when to retry", () => {
    let now = 1_000;
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000, now: () => now });
    expect(limiter.hit("a")).toEqual({ ok: true, remaining: 1 });
    expect(limiter.hit("a")).toEqual({ ok: true, remaining: 0 });
    expect(limiter.hit("a")).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.hit("b").ok).toBe(true);
    now += 10_000;
    expect(limiter.hit("a").ok).toBe(true);
  });

  it("stays bounded with many keys", () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, maxKeys: 10 });
    for (let i = 0; i < 100; i++) limiter.hit(`ip-${i}`);
    expect(limiter.hit("ip-0").ok).toBe(true); // evicted, so a fresh window
  });
});
