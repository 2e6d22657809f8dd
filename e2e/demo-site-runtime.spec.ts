import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { expect, test, type TestWorkspace } from "./fixtures";
import { emulator } from "./emulator";

// The demo website with its snippet pointed at the standalone runtime server (`npm run runtime`,
// started beside the app by the demo's --runtime flag): tailor.js and every public API call go to
// the runtime server, which shares the app's database; the page itself stays on the app.
const runtimeOrigin = process.env.E2E_RUNTIME_ORIGIN!;

async function setUpWebsite(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { updateWebsiteSettings } = await import("@/lib/runtime/sites");
  const { getDb, tables } = await import("@/db/client");
  const { tokens } = await emulator.info();
  await seedDemoWebsite(workspace.slug, tokens.US.full);
  const [owner] = await getDb().select().from(tables.users).where(eq(tables.users.email, workspace.members.owner.email));
  const actor = { workspaceId: workspace.id, userId: owner!.id };
  // What an admin does in Settings → Website → API address.
  await updateWebsiteSettings(actor, { allowedOrigins: [], hideMs: 600, apiBase: `${runtimeOrigin}/api/v1` });
  return actor;
}

/** Every request the page makes to a /api/v1 endpoint or for tailor.js, by origin. */
function recordSnippetTraffic(page: Page) {
  const seen: { origin: string; path: string; status?: number }[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith("/api/v1/") || url.pathname === "/tailor.js") seen.push({ origin: url.origin, path: url.pathname, status: response.status() });
  });
  return seen;
}

test.describe("website runtime on the standalone runtime server", () => {
  test("the demo page loads tailor.js from the runtime server, which personalizes: ada@example.com gets her content", async ({ page, workspace, baseURL }) => {
    const actor = await setUpWebsite(workspace);
    const traffic = recordSnippetTraffic(page);
    const hero = page.locator('[data-tailor-placement="hero"]');
    const color = page.locator('[data-tailor-placement="color"]');

    await page.goto(`/demo-site?workspace=${workspace.slug}`);
    await expect(page.locator("script[data-site-key]")).toHaveAttribute("src", `${runtimeOrigin}/tailor.js`);
    await expect(page.locator("script[data-site-key]")).toHaveAttribute("data-api", `${runtimeOrigin}/api/v1`);
    await expect(page.getByRole("status")).toContainText("Anonymous. Showing hero: default, color: default");
    await expect(hero).toContainText("Analytics for growing teams");

    await page.getByLabel("Your email").fill("ada@example.com");
    await page.getByRole("button", { name: "Identify me" }).click();
    await expect(page.getByRole("status")).toContainText("Identified.");
    await expect(hero).toContainText("Welcome back, Ada Lovelace!");
    await expect(color).toContainText("Your dashboard is themed in teal.");
    await expect(hero).toHaveAttribute("data-tailor-variant", "VIP customers");
    await page.screenshot({ path: "test-results/screens/demo-site-runtime-vip.png" });

    // A publish made in the app reaches the runtime server (its live-version cache expires within seconds).
    const { listPersonalizations, savePersonalization } = await import("@/lib/personalizations/personalizations");
    const { publishDraft } = await import("@/lib/publishing/versions");
    const heroDraft = (await listPersonalizations(workspace.id)).find((p) => p.placementKey === "hero")!;
    await savePersonalization(actor, { ...heroDraft, variants: heroDraft.variants.map((v) => ({ ...v, html: "<h1>Runtime says hi, VIP</h1>" })) });
    await publishDraft(actor);
    await expect(async () => {
      await page.reload();
      await expect(hero).toContainText("Runtime says hi, VIP", { timeout: 1_500 });
    }).toPass({ timeout: 20_000 });

    // Everything the snippet fetched came from the runtime server, and it all succeeded; none of it from the app.
    const calls = traffic.filter((t) => t.path !== "/tailor.js");
    expect(calls.map((t) => t.path)).toEqual(expect.arrayContaining(["/api/v1/decide", "/api/v1/identify"]));
    expect(traffic.every((t) => t.origin === runtimeOrigin)).toBe(true);
    expect(traffic.filter((t) => t.path.startsWith("/api/v1/")).every((t) => t.status === 200)).toBe(true);
    expect(traffic.some((t) => t.origin === new URL(baseURL!).origin)).toBe(false);
  });

  test("the runtime server refuses a foreign origin and caches tailor.js by ETag", async ({ request, workspace }) => {
    await setUpWebsite(workspace);
    const { getOrCreateSite } = await import("@/lib/runtime/sites");
    const { siteKey } = await getOrCreateSite(workspace.id);
    const foreign = await request.post(`${runtimeOrigin}/api/v1/decide`, {
      data: { siteKey, visitorId: "visitor-foreign-1", placements: ["hero"] },
      headers: { Origin: "https://evil.example" },
    });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.code).toBe("origin_not_allowed");
    expect(foreign.headers()["access-control-allow-origin"]).toBeUndefined();

    const script = await request.get(`${runtimeOrigin}/tailor.js`);
    expect(script.status()).toBe(200);
    const etag = script.headers()["etag"]!;
    expect(script.headers()["cache-control"]).toContain("max-age=");
    const again = await request.get(`${runtimeOrigin}/tailor.js`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect((await request.get(`${runtimeOrigin}/ready`)).status()).toBe(200);
  });
});
