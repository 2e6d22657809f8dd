import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator } from "./emulator";

// Personalization analytics on the demo site: a goal on the page's call to action, a 50 % holdout,
// one visitor on each side of it (visitor ids chosen by the same assignment function), their clicks
// counted, and the results page with both arms, a verdict, a chart and a CSV export.
const shots = process.env.E2E_SCREENSHOTS_DIR ?? "test-results/screens";

async function visitorIds(workspaceId: string): Promise<{ held: string; shown: string }> {
  const { isInHoldout } = await import("@/lib/analytics/holdout");
  const pick = (held: boolean) => {
    for (let i = 0; ; i++) if (isInHoldout(workspaceId, "cta", `e2e-visitor-${i}`, 50) === held) return `e2e-visitor-${i}`;
  };
  return { held: pick(true), shown: pick(false) };
}

async function visit(browser: Browser, baseURL: string, workspace: TestWorkspace, visitorId: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "tailor_vid", value: visitorId, url: baseURL }]);
  const page = await context.newPage();
  await page.goto(`/demo-site?workspace=${workspace.slug}`);
  return page;
}

test.describe("personalization results", () => {
  test("a goal on the demo's call to action, visitors in and out of the holdout, conversions counted, results with both arms and a chart", async ({ page, browser, baseURL, workspace }) => {
    const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
    const { tokens } = await emulator.info();
    const { siteKey } = await seedDemoWebsite(workspace.slug, tokens.US.full);

    // The marketer defines a goal on the call to action and measures the trial personalization on it, with a 50 % holdout.
    await signIn(page, workspace.members.marketer.email);
    await page.goto("/personalizations/goals");
    const form = page.getByRole("form", { name: "Add goal" });
    await form.getByLabel("Name").fill("Trial clicks");
    await form.getByLabel("Key").fill("trial-click");
    await form.getByLabel("Counts when").selectOption("click");
    await form.getByLabel("CSS selector").fill("<a>");
    await form.getByRole("button", { name: "Save goal" }).click();
    await expect(form.getByText("A CSS selector has no < > { } ; or \\.")).toBeVisible();
    await form.getByLabel("CSS selector").fill("#start-trial");
    await form.getByRole("button", { name: "Save goal" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Trial clicks" })).toContainText("#start-trial");

    await page.goto("/personalizations");
    await page.getByRole("link", { name: "Trial call to action" }).click();
    const holdout = page.getByLabel("Holdout (%)");
    await expect(holdout).toHaveValue("10");
    await holdout.fill("60");
    await page.getByLabel("Primary goal").selectOption("trial-click");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Keep at most 50 % in the holdout.")).toBeVisible();
    await holdout.fill("50");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Saved “Trial call to action”.", { exact: false })).toBeVisible();
    const { publishDraft } = await import("@/lib/publishing/versions");
    const { getDb, tables } = await import("@/db/client");
    const [admin] = await getDb().select().from(tables.users).where(eq(tables.users.email, workspace.members.admin.email));
    expect((await publishDraft({ workspaceId: workspace.id, userId: admin!.id })).changes).toContain('Personalization "Trial call to action" (cta): holdout 10 % → 50 %');

    // Two visitors: one held out (default content), one shown the offer. The app caches the live version a
    // few seconds: wait until it serves the 50 % holdout, so neither visitor first sees (and reports) the
    // previous version and is counted in two arms.
    const ids = await visitorIds(workspace.id);
    const base = baseURL!;
    await expect
      .poll(async () => {
        const reply = await page.request.post("/api/v1/decide", { data: { siteKey, visitorId: ids.held, placements: ["cta"] }, headers: { Origin: base } });
        return ((await reply.json()) as { placements?: { cta?: { arm?: string } } }).placements?.cta?.arm;
      }, { timeout: 15_000 })
      .toBe("holdout");
    const shown = await visit(browser, base, workspace, ids.shown);
    const held = await visit(browser, base, workspace, ids.held);
    for (const [visitor, text] of [[held, "cta: default (holdout)"], [shown, "cta: Limited-time offer"]] as const) {
      await expect(async () => {
        await visitor.reload();
        await expect(visitor.getByRole("status")).toContainText(text, { timeout: 4_000 });
      }).toPass({ timeout: 30_000 });
    }
    await expect(held.locator('[data-tailor-placement="cta"]')).toContainText("Try Acme free for 14 days.");
    await expect(shown.locator('[data-tailor-placement="cta"]')).toContainText("30 days free instead of 14");
    await shown.screenshot({ path: `${shots}/results-demo-site-offer.png` });

    // Both click the call to action (the snippet reports a click goal as track("trial-click")).
    for (const visitor of [shown, held]) {
      const reported = visitor.waitForRequest((r) => r.url().endsWith("/api/v1/track") && (r.postData() ?? "").includes('"key":"trial-click"'));
      await visitor.getByRole("link", { name: "Start free trial" }).click();
      await reported;
      await expect(visitor).toHaveURL(/\/demo-site\/pricing/);
    }

    // The results page: both arms with one visitor and one conversion each, the verdict, the chart, the CSV.
    await page.goto("/personalizations");
    await page.getByRole("link", { name: "Trial call to action" }).click();
    await page.getByRole("navigation", { name: "Personalization" }).getByRole("link", { name: "Results" }).click();
    // The tab is a client-side navigation: reloading before it lands would reload the editor.
    await expect(page).toHaveURL(/\/results$/);
    const table = page.getByRole("table");
    await expect(async () => {
      await page.reload();
      await expect(table.getByRole("row").filter({ hasText: "Limited-time offer" })).toContainText("100.0 %", { timeout: 2_000 });
      await expect(table.getByRole("row").filter({ hasText: "Holdout (control)" })).toContainText("100.0 %", { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(table.getByRole("row").filter({ hasText: "Holdout (control)" })).toContainText("baseline");
    await expect(page.getByText(/Not enough data yet: each of "Limited-time offer" and the holdout/)).toBeVisible();
    await expect(page.getByRole("img", { name: /Cumulative conversion rate per day/ })).toBeVisible();
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await expect(page).toHaveURL(/range=7d/);
    await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");

    const csv = await page.request.get(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href") as string);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain('"Trial call to action","trial-click"');

    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).exclude("[data-toaster]").analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: `${shots}/results-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/results-phone.png`, fullPage: true });

    // The list's compact line and the Overview show the same.
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto("/personalizations");
    await expect(page.getByRole("row").filter({ hasText: "Trial call to action" })).toContainText("2 visitors · not enough data yet");
    await page.goto("/overview");
    await expect(page.getByRole("region", { name: /Personalization results/ })).toContainText("Trial call to action");
  });
});
