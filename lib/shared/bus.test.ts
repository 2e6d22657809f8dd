import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "./test-redis";

// SQLite (no DATABASE_URL here) + Redis: invalidations travel over Redis pub/sub.
const prefix = `tailor-test-bus-${process.pid}-${Date.now()}:`;
process.env.REDIS_URL = testRedisUrl();
process.env.TAILOR_REDIS_PREFIX = prefix;
const { broadcastInvalidate, onInvalidate, startInvalidationListener, stopInvalidationListener } = await import("./bus");
const { closeRedis, waitForRedis } = await import("./redis");

afterAll(async () => {
  await stopInvalidationListener();
  await closeRedis();
});

describe("invalidation bus over Redis", () => {
  it("delivers another node's invalidations and its own at once, and ignores other deployments", async () => {
    expect(await waitForRedis(5_000)).toBe(true);
    expect(startInvalidationListener()).toBe("redis");
    const seen: string[] = [];
    onInvalidate("live", (key) => seen.push(key));
    await new Promise((r) => setTimeout(r, 200)); // the subscription is set up
    const otherNode = new Redis(testRedisUrl());
    try {
      await otherNode.publish(`${prefix}invalidate`, JSON.stringify({ topic: "live", key: "ws-from-other-node", origin: "another-node" }));
      await otherNode.publish("someone-else:invalidate", JSON.stringify({ topic: "live", key: "ws-other-deployment", origin: "x" }));
      await broadcastInvalidate("live", "ws-local");
      const deadline = Date.now() + 2_000;
      while (!seen.includes("ws-from-other-node") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      // Our own broadcast is delivered locally once (the echo from Redis is ignored).
      await new Promise((r) => setTimeout(r, 100));
      expect(seen.sort()).toEqual(["ws-from-other-node", "ws-local"]);
    } finally {
      otherNode.disconnect();
    }
  });
});
