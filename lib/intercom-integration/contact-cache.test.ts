import { describe, expect, it, vi } from "vitest";
import type { IntercomContact } from "@/lib/intercom";
import { broadcastInvalidate } from "@/lib/shared/bus";
import { ContactCache, contactCache, contactCacheOptionsFromEnv, type CachedContact } from "./contact-cache";

const entry = (id: string): CachedContact => ({ contact: { id } as IntercomContact, tags: [], fetchedAt: Date.now() });

describe("ContactCache", () => {
  it("a \"contact\" invalidation (what a workspace switch broadcasts to every node) drops that workspace's copies here, and only those", async () => {
    const cache = contactCache();
    await cache.set("ws-switched", entry("c1"));
    await cache.set("ws-switched", entry("c2"));
    await cache.set("ws-other", entry("c1"));
    await broadcastInvalidate("contact", "ws-switched");
    expect(cache.peek("ws-switched", "c1")).toBeUndefined();
    expect(cache.peek("ws-switched", "c2")).toBeUndefined();
    expect(cache.peek("ws-other", "c1")).toBeDefined();
  });

  it("loads once per contact and workspace, sharing concurrent misses", async () => {
    const cache = new ContactCache({ ttlMs: 60_000, max: 100 });
    const load = vi.fn(async () => entry("c1"));
    await Promise.all([cache.get("w1", "c1", load), cache.get("w1", "c1", load), cache.get("w1", "c1", load)]);
    await cache.get("w1", "c1", load);
    expect(load).toHaveBeenCalledTimes(1);
    await cache.get("w2", "c1", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("expires after the TTL and on invalidation", async () => {
    // An injected clock: lru-cache measures TTLs with performance.now(), which fake timers do not move
    // (and it treats a start time of 0 as "no TTL", so the clock starts later).
    let now = 10_000;
    {
      const cache = new ContactCache({ ttlMs: 1_000, max: 100, now: () => now });
      const load = vi.fn(async () => entry("c1"));
      await cache.get("w1", "c1", load);
      cache.invalidate("w1", "c1");
      await cache.get("w1", "c1", load);
      expect(load).toHaveBeenCalledTimes(2);
      now += 1_500;
      await cache.get("w1", "c1", load);
      expect(load).toHaveBeenCalledTimes(3);
    }
  });

  it("is bounded by its LRU size", async () => {
    const cache = new ContactCache({ ttlMs: 60_000, max: 3 });
    for (const id of ["a", "b", "c", "d"]) await cache.get("w", id, async () => entry(id));
    expect(cache.size).toBe(3);
    expect(cache.peek("w", "a")).toBeUndefined();
  });

  it("does not cache failures", async () => {
    const cache = new ContactCache({ ttlMs: 60_000, max: 10 });
    await expect(cache.get("w", "x", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("w", "x", async () => entry("x"))).toMatchObject({ contact: { id: "x" } });
  });

  it("reads its limits from the environment", () => {
    expect(contactCacheOptionsFromEnv({ TAILOR_CONTACT_CACHE_TTL_SECONDS: "60", TAILOR_CONTACT_CACHE_MAX: "5" })).toEqual({ ttlMs: 60_000, max: 5, localFreshMs: 2_000 });
    expect(contactCacheOptionsFromEnv({})).toEqual({ ttlMs: 300_000, max: 10_000, localFreshMs: 2_000 });
  });
});
