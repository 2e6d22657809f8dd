import { expect, test } from "./fixtures";
import { postJsonFrom } from "./from-address";

// Client identity for the snippet API's limits, with no trusted proxy (the e2e app has none): the
// client is the socket's peer address, so rotating X-Forwarded-For (or visitor ids) changes nothing.
// Two loopback source addresses stand for two clients; limits are per app process (one here).

const post = postJsonFrom;

/** Runs `count` calls with at most `concurrency` in flight. */
async function pool<T>(count: number, concurrency: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await call(i);
      }
    }),
  );
  return results;
}

test.describe("snippet API limits per trusted client", () => {
  test.setTimeout(180_000);

  test("one client rotating X-Forwarded-For gets 429 while a second client's identify calls still succeed", async ({ baseURL, workspace }) => {
    const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
    const { siteKey } = await seedDemoWebsite(workspace.slug);
    const ceiling = Number(process.env.TAILOR_PUBLIC_CLIENT_RATE_LIMIT ?? 600);
    const abusive = ceiling + 150;

    const noisy = pool(abusive, 8, (i) =>
      post(baseURL!, "/api/v1/identify", { siteKey, visitorId: `noisy-visitor-${i}`, email: `victim${i}@e2e.test` }, {
        localAddress: "127.0.0.2",
        headers: { "X-Forwarded-For": `203.0.113.${i % 250}, 198.51.100.${(i * 7) % 250}`, "X-Real-IP": `192.0.2.${i % 250}` },
      }),
    );
    const real = pool(100, 2, (i) =>
      post(baseURL!, "/api/v1/identify", { siteKey, visitorId: `real-visitor-${i % 10}`, email: `real${i}@e2e.test` }, { localAddress: "127.0.0.3" }),
    );
    const [noisyReplies, realReplies] = await Promise.all([noisy, real]);

    const limited = noisyReplies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(abusive - ceiling);
    expect(JSON.parse(limited[0]!.body)).toMatchObject({ error: { code: "rate_limited" } });
    const ok = realReplies.filter((r) => r.status === 200).length;
    expect(ok / realReplies.length).toBeGreaterThanOrEqual(0.99);
    const measured = `noisy client: ${limited.length}/${abusive} refused; second client: ${ok}/${realReplies.length} ok`;
    test.info().annotations.push({ type: "measured", description: measured });
    console.log(`[rate-limit] ${measured}`);
  });

  test("one visitor id hammering from a shared address runs out alone", async ({ baseURL, workspace }) => {
    const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
    const { siteKey } = await seedDemoWebsite(workspace.slug);
    const perVisitor = Number(process.env.TAILOR_PUBLIC_RATE_LIMIT ?? 120);
    const replies = await pool(perVisitor + 20, 8, () =>
      post(baseURL!, "/api/v1/decide", { siteKey, visitorId: "hammering-visitor", placements: [] }, { localAddress: "127.0.0.4" }),
    );
    expect(replies.filter((r) => r.status === 429).length).toBe(20);
    // Another visitor behind the same address is unaffected.
    const other = await post(baseURL!, "/api/v1/decide", { siteKey, visitorId: "quiet-visitor-1", placements: [] }, { localAddress: "127.0.0.4" });
    expect(other.status).toBe(200);
  });

  test("a spoofed X-Forwarded-Host from an untrusted client doesn't pass the origin check", async ({ baseURL, workspace }) => {
    const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
    const { siteKey } = await seedDemoWebsite(workspace.slug);
    const reply = await post(baseURL!, "/api/v1/decide", { siteKey, visitorId: "spoofing-visitor", placements: [] }, {
      localAddress: "127.0.0.5",
      headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "origin_not_allowed" } });
  });
});
