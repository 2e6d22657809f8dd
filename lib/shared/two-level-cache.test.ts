import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testRedisUrl } from "./test-redis";

// The module-wide Redis connection reads REDIS_URL on first use: point it at the test server
// (logical database 9, a prefix per run) before importing anything that uses it.
const prefix = `tailor-test-${process.pid}-${Date.now()}:`;
process.env.REDIS_URL = `${testRedisUrl().replace(/\/\d*$/, "")}/9`;
process.env.TAILOR_REDIS_PREFIX = prefix;

const { TwoLevelCache } = await import("./two-level-cache");
const { SeenOnce } = await import("./seen-once");
const { closeRedis, redisClient, redisHealth, waitForRedis } = await import("./redis");

beforeAll(async () => {
  expect(await waitForRedis(5_000)).toBe(true);
});
afterAll(async () => {
  const keys = await redisClient()!.keys(`${prefix}*`);
  // keys() returns prefixed names; del() would prefix again, so strip it.
  if (keys.length > 0) await redisClient()!.del(...keys.map((k) => k.slice(prefix.length)));
  await closeRedis();
});

describe("TwoLevelCache with Redis", () => {
  it("shares entries between processes: a second instance (another node) does not load", async () => {
    const nodeA = new TwoLevelCache<{ n: number }>({ name: "t", max: 10, ttlMs: 60_000, localFreshMs: 1_000 });
    const nodeB = new TwoLevelCache<{ n: number }>({ name: "t", max: 10, ttlMs: 60_000, localFreshMs: 1_000 });
    const loadA = vi.fn(async () => ({ n: 1 }));
    const loadB = vi.fn(async () => ({ n: 2 }));
    expect(await nodeA.get("k", loadA)).toEqual({ n: 1 });
    expect(await nodeB.get("k", loadB)).toEqual({ n: 1 });
    expect(loadB).not.toHaveBeenCalled();
  });

  it("an invalidation on one node reaches the other once its local copy is due for a re-check", async () => {
    let now = 10_000;
    const nodeA = new TwoLevelCache<string>({ name: "inv", max: 10, ttlMs: 60_000, localFreshMs: 1_000, now: () => now });
    const nodeB = new TwoLevelCache<string>({ name: "inv", max: 10, ttlMs: 60_000, localFreshMs: 1_000, now: () => now });
    await nodeA.get("k", async () => "old");
    await nodeB.get("k", async () => "unused");
    await nodeA.invalidate("k");
    await nodeA.get("k", async () => "new");
    expect(await nodeB.get("k", async () => "unused")).toBe("old"); // still fresh locally
    now += 1_500;
    expect(await nodeB.get("k", async () => "unused")).toBe("new");
  });

  it("revives values that JSON flattened", async () => {
    const revive = (v: { at: Date }) => ({ at: new Date(v.at) });
    const a = new TwoLevelCache<{ at: Date }>({ name: "rev", max: 10, ttlMs: 60_000, localFreshMs: 0, revive });
    const b = new TwoLevelCache<{ at: Date }>({ name: "rev", max: 10, ttlMs: 60_000, localFreshMs: 0, revive });
    await a.get("k", async () => ({ at: new Date(5) }));
    expect((await b.get("k", async () => ({ at: new Date(0) }))).at).toEqual(new Date(5));
  });

  it("SeenOnce says 'first' once across instances", async () => {
    const a = new SeenOnce({ name: "seen", ttlMs: 60_000, max: 10 });
    const b = new SeenOnce({ name: "seen", ttlMs: 60_000, max: 10 });
    expect(await a.first("visitor-1:view")).toBe(true);
    expect(await a.first("visitor-1:view")).toBe(false);
    expect(await b.first("visitor-1:view")).toBe(false);
    expect(redisHealth().status).toBe("up");
  });
});
