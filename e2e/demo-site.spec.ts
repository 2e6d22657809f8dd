import { eq, sql } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { expect, test, type TestWorkspace } from "./fixtures";
import { emulator } from "./emulator";

// The website runtime as a visitor sees it: the demo page with the snippet, served for a workspace
// of the test's own, whose draft and published configuration the test changes directly in lib/.
async function setUpWebsite(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { tokens } = await emulator.info();
  return seedDemoWebsite(workspace.slug, tokens.US.full);
}

async function actorOf(workspace: TestWorkspace) {
  const { getDb, tables } = await import("@/db/client");
  const [owner] = await getDb().select().from(tables.users).where(eq(tables.users.email, workspace.members.owner.email));
  return { workspaceId: workspace.id, userId: owner!.id };
}

async function identify(page: Page, email: string) {
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Identify me" }).click();
  await expect(page.getByRole("status")).toContainText("Identified.");
}

// The app caches the live version for a few seconds per process: reload until it shows.
async function expectAfterReload(page: Page, placement: string, text: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.locator(`[data-tailor-placement="${placement}"]`)).toContainText(text, { timeout: 1_500 });
  }).toPass({ timeout: 15_000 });
}

test.describe("website runtime on the demo page", () => {
  test("anonymous → default; identify → VIP variant with teal; drafts stay invisible until publish; restore", async ({ page, workspace }) => {
    await setUpWebsite(workspace);
    const hero = page.locator('[data-tailor-placement="hero"]');
    const color = page.locator('[data-tailor-placement="color"]');

    await page.goto(`/demo-site?workspace=${workspace.slug}`);
    await expect(page.getByRole("status")).toContainText("Anonymous. Showing hero: default, color: default");
    await expect(hero).toContainText("Analytics for growing teams");
    await page.screenshot({ path: "test-results/screens/demo-site-anonymous.png" });

    await identify(page, "ada@example.com");
    await expect(hero).toContainText("Welcome back, Ada Lovelace!");
    await expect(color).toContainText("Your dashboard is themed in teal.");
    await expect(hero).toHaveAttribute("data-tailor-variant", "VIP customers");
    await page.screenshot({ path: "test-results/screens/demo-site-vip.png" });

    const { listPersonalizations, savePersonalization } = await import("@/lib/personalizations/personalizations");
    const { publishDraft, restoreVersion } = await import("@/lib/publishing/versions");
    const actor = await actorOf(workspace);
    const heroDraft = (await listPersonalizations(workspace.id)).find((p) => p.placementKey === "hero")!;
    await savePersonalization(actor, {
      ...heroDraft,
      variants: heroDraft.variants.map((v) => ({ ...v, html: "<h1>VIP preview: new reports are out</h1>" })),
    });

    await page.reload();
    await expect(hero).toContainText("Welcome back, Ada Lovelace!"); // identity kept by the cookie; draft not served
    await publishDraft(actor);
    await expectAfterReload(page, "hero", "VIP preview: new reports are out");

    await restoreVersion(actor, 1);
    await expectAfterReload(page, "hero", "Welcome back, Ada Lovelace!");

    await page.getByRole("button", { name: "Forget me" }).click();
    await expect(hero).toContainText("Analytics for growing teams");
  });

  test("a <script> in an Intercom value renders as text", async ({ page, workspace }) => {
    await setUpWebsite(workspace);
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(`/demo-site?workspace=${workspace.slug}`);
    await identify(page, "mallory@example.com");
    const color = page.locator('[data-tailor-placement="color"]');
    await expect(color.locator("strong")).toHaveText("<script>alert(1)</script>");
    await expect(color.locator("script")).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test("bad requests get a 4xx JSON error and store nothing", async ({ request, workspace, baseURL }) => {
    const { siteKey } = await setUpWebsite(workspace);
    const { getDb, tables } = await import("@/db/client");
    const countVisitors = async () =>
      (await getDb().select({ n: sql<number>`count(*)` }).from(tables.visitors).where(eq(tables.visitors.workspaceId, workspace.id)))[0]!.n;
    const before = Number(await countVisitors());
    const post = (path: string, data: string, headers: Record<string, string> = {}) =>
      request.post(`/api/v1/${path}`, { data: Buffer.from(data), headers: { "Content-Type": "application/json", Origin: baseURL!, ...headers } });
    const valid = { siteKey, visitorId: "visitor-bad-input-1" };

    const cases: [string, string, Record<string, string>, number, string][] = [
      ["decide", "{not json", {}, 400, "invalid_json"],
      ["decide", JSON.stringify({ ...valid, siteKey: "site_unknown" }), {}, 404, "unknown_site"],
      ["decide", JSON.stringify(valid), { Origin: "https://evil.example" }, 403, "origin_not_allowed"],
      ["identify", JSON.stringify({ ...valid, email: "not-an-email" }), {}, 400, "invalid_request"],
      ["identify", JSON.stringify({ ...valid }), {}, 400, "invalid_request"],
      ["answers", JSON.stringify({ ...valid, question: "role", answers: [] }), {}, 400, "invalid_request"],
      ["decide", JSON.stringify({ ...valid, visitorId: "x" }), {}, 400, "invalid_request"],
      ["flow", JSON.stringify({ ...valid, flow: "welcome", step: "role", action: "answer" }), {}, 400, "invalid_request"],
      ["flow", JSON.stringify({ ...valid, flow: "welcome", step: "role", action: "jump" }), {}, 400, "invalid_request"],
      ["flow", JSON.stringify({ ...valid, flow: "no-such-flow", step: "role", action: "continue" }), {}, 404, "unknown_flow"],
      ["identify", JSON.stringify({ ...valid, email: `${"a".repeat(9000)}@example.com` }), {}, 413, "payload_too_large"],
      ["decide", JSON.stringify(valid), { "Content-Type": "application/x-www-form-urlencoded" }, 415, "unsupported_media_type"],
    ];
    for (const [path, body, headers, status, code] of cases) {
      const res = await post(path, body, headers);
      expect(res.status(), `${path} ${code}`).toBe(status);
      expect((await res.json()).error.code).toBe(code);
      if (code === "origin_not_allowed") expect(res.headers()["access-control-allow-origin"]).toBeUndefined();
    }
    expect(Number(await countVisitors())).toBe(before);
  });
});
