import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { emulator, syncIfPostgres } from "./emulator";
import { storageStateOf } from "./users";

// The Overview as a new workspace sees it while setting up, and placement discovery: the snippet
// reports the placements it finds, and the editor says where (the app flushes every 2 s).
const screens = "test-results/screens";

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const step = (page: Page, key: string) => page.getByTestId("setup-checklist").locator(`[data-step="${key}"]`);

test.describe("Overview and placement discovery", () => {
  test("a placement is 'not seen yet' until the demo page shows it, then 'seen on /demo-site'", async ({ page, workspace }) => {
    const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
    const { listPersonalizations } = await import("@/lib/personalizations/personalizations");
    await seedDemoWebsite(workspace.slug);
    const hero = (await listPersonalizations(workspace.id)).find((p) => p.placementKey === "hero")!;

    await signIn(page, workspace.members.marketer.email);
    await page.goto(`/personalizations/${hero.id}`);
    const status = page.getByTestId("placement-status");
    await expect(status).toContainText("Not seen on your site yet.");
    await expect(status).toContainText('<div data-tailor-placement="hero">…</div>');
    await page.screenshot({ path: `${screens}/editor-not-seen.png` });

    const site = await page.context().newPage();
    await site.goto(`/demo-site?workspace=${workspace.slug}&email=ada@example.com#top`);
    await expect(site.locator('[data-tailor-placement="hero"]')).toContainText("Analytics for growing teams");
    await site.close();

    await expect(async () => {
      await page.reload();
      await expect(status).toContainText(/Seen on \/demo-site (just now|1 min ago)/, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.screenshot({ path: `${screens}/editor-seen.png` });
    // The list: search, status filter and sort live in the URL (a plain GET form, works without JS).
    await page.goto("/personalizations");
    const filter = page.getByRole("search", { name: "Filter personalizations" });
    await filter.getByLabel("Search").fill("hero");
    await filter.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=hero/);
    await expect(page.getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("row", { name: /Homepage hero/ })).toContainText("Live");
    await page.screenshot({ path: `${screens}/personalizations-filtered.png`, fullPage: true });
    await page.goto("/personalizations?status=off&sort=edited");
    await expect(page.getByText("No personalizations match")).toBeVisible();
    await expect(page.getByLabel("Status")).toHaveValue("off");
  });

  test("the setup checklist ticks as Globex is set up; Overview and sync log fit 1440 px and 390 px", async ({ browser }) => {
    test.setTimeout(120_000);
    const { getDb, tables } = await import("@/db/client");
    const { setMappings } = await import("@/lib/sync/test-mappings");
    const { seedDemoSegments } = await import("@/db/seed");
    const { reloadAttributes } = await import("@/lib/intercom-integration/attributes");
    const { tokens } = await emulator.info();
    const [globex] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, "globex"));
    const [owner] = await getDb().select().from(tables.users).where(eq(tables.users.email, "owner@globex.test"));
    const actor = { workspaceId: globex!.id, userId: owner!.id };

    const context = await browser.newContext({ storageState: storageStateOf("globexOwner"), viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto("/overview");
    const checklist = page.getByTestId("setup-checklist");
    await expect(checklist).toContainText("0 of 5 done");
    await expect(step(page, "connect")).toHaveAttribute("data-done", "false");
    // The sidebar's links are no longer repeated on the Overview.
    await expect(page.getByRole("heading", { name: "Your sections" })).toHaveCount(0);

    // 1. Connect Intercom, from the checklist's link.
    await checklist.getByRole("link", { name: "Connect Intercom" }).click();
    await expect(page).toHaveURL(/\/integrations\/intercom$/);
    const form = page.getByRole("form", { name: "Connect Intercom" });
    await form.getByLabel("Access token").fill(tokens.US.full);
    await form.getByLabel("Region").selectOption("US");
    await form.getByRole("button", { name: "Connect" }).click();
    await expect(page.getByTestId("connection-health")).toContainText("Connected");
    await page.goto("/overview");
    await expect(step(page, "connect")).toHaveAttribute("data-done", "true");
    await expect(checklist.getByRole("link", { name: "Map fields" })).toBeVisible();

    // 2 + 3. A mapping, published (done through lib: the mapping editor has its own spec).
    await seedDemoSegments(globex!.id);
    await reloadAttributes(actor);
    await setMappings(actor, [{ source: "“What best describes you?”", attribute: "job_role", conversion: "segment_key" }]);
    await page.reload();
    await expect(checklist).toContainText("3 of 5 done");
    await expect(checklist.getByRole("link", { name: "Open the debug panel" })).toBeVisible();

    // 4. Look a known contact up in the debug panel.
    await checklist.getByRole("link", { name: "Open the debug panel" }).click();
    await page.getByLabel("Email or Intercom contact ID").fill("ada@example.com");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByText("Ada Lovelace").first()).toBeVisible();
    await page.goto("/overview");
    await expect(step(page, "test_contact")).toHaveAttribute("data-done", "true");
    await expect(checklist.getByRole("link", { name: "Get the snippet" })).toBeVisible();

    // 5. The site calls Tailor: the snippet counts as installed and today's decisions count it.
    const site = await context.newPage();
    await site.goto("/demo-site?workspace=globex");
    await expect(site.getByRole("status")).toContainText("Anonymous");
    await site.close();
    await expect(async () => {
      await page.reload();
      await expect(checklist).toContainText("5 of 5 done", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(checklist).toContainText("Everything is set up.");
    const decisions = page.getByRole("region", { name: "Today" }).locator("dt", { hasText: "Decisions" }).locator("+ dd");
    await expect(decisions).not.toHaveText("0");
    await expect(page.getByTestId("drift")).toContainText("Every mapped field is still accepted by Intercom.");

    // A real write (a verified visitor answers the mapped question) and a dead letter with long values
    // (its one failed attempt today makes the success rate 1 of 2).
    const { getOrCreateSite } = await import("@/lib/runtime/sites");
    const { ensureIdentitySecret } = await import("@/lib/identity/settings");
    const { computeUserHash } = await import("@/lib/identity/hash");
    const { siteKey } = await getOrCreateSite(globex!.id);
    const visitorId = "e2e-overview-visitor-1";
    const userHash = computeUserHash(await ensureIdentitySecret(globex!.id), "ada@example.com");
    const api = page.request;
    expect((await api.post("/api/v1/identify", { data: { siteKey, visitorId, email: "ada@example.com", userHash } })).ok()).toBe(true);
    expect((await api.post("/api/v1/answers", { data: { siteKey, visitorId, question: "describes_you", answers: ["founder"] } })).ok()).toBe(true);
    await syncIfPostgres();
    const now = new Date();
    const [dead] = await getDb()
      .insert(tables.syncJobs)
      .values({
        workspaceId: globex!.id,
        kind: "sync",
        status: "dead",
        targetKey: "contact:e2e0verv1ewdeadc0ntact000",
        contactId: "e2e0verv1ewdeadc0ntact000",
        contactEmail: "a.very.long.address.for.layout.checks@subdomain.example-company.test",
        values: { job_role: "founder-of-a-company-with-a-rather-long-role-name", tailor_interests: "analytics,automation,reporting,exports" },
        policies: { job_role: "overwrite", tailor_interests: "overwrite" },
        attempts: 8,
        nextRunAt: now,
        updatedAt: now,
        finishedAt: now,
        lastErrorCode: "server_error",
        lastErrorMessage: "Intercom answered 503 Service Unavailable eight times in a row; Tailor stopped retrying this write.",
        intercomStatus: 503,
      })
      .returning();
    await getDb().insert(tables.syncAttempts).values({ workspaceId: globex!.id, jobId: dead!.id, operation: "write", outcome: "retryable", httpStatus: 503, errorCode: "server_error", durationMs: 120, startedAt: now });
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("region", { name: "Today" })).toContainText("1 of 2 attempts succeeded", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const today = page.getByRole("region", { name: "Today" });
    await expect(today.locator("dt", { hasText: "Identified visitors" }).locator("+ dd")).toHaveText("1");
    await expect(today.locator("dt", { hasText: "Answers" }).locator("+ dd")).toHaveText("1");
    await expect(today.locator("dt", { hasText: "Dead-lettered writes" }).locator("+ dd")).toHaveText("1");

    await page.screenshot({ path: `${screens}/overview-1440.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `${screens}/overview-390.png`, fullPage: true });

    await page.goto("/integrations/intercom/sync-log");
    await expect(page.getByTestId("sync-entry")).toHaveCount(2);
    await expect(page.getByRole("heading", { name: "Sync log" })).toBeVisible();
    await noHorizontalOverflow(page);
    // Stacked rows at 390 px: every cell is on screen without sideways scrolling.
    const tableBox = page.locator("main table").locator("..");
    expect(await tableBox.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screens}/sync-log-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await noHorizontalOverflow(page);
    // Nothing cut off at 1440 px: the table fits its container, so Calls and Retry are on screen.
    expect(await tableBox.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Retry" }).scrollIntoViewIfNeeded();
    await expect(page.getByRole("button", { name: "Retry" })).toBeInViewport();
    await page.screenshot({ path: `${screens}/sync-log-1440.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.goto("/settings/members");
    await expect(page.getByRole("table", { name: "What each role may do" })).toContainText("Publish drafts and restore versions");
    await page.screenshot({ path: `${screens}/members-1440.png`, fullPage: true });
    await context.close();
  });
});

test.describe("dates in the viewer's zone and language", () => {
  test.use({ timezoneId: "Asia/Kolkata", locale: "de-DE" });

  test("a list's dates follow the browser's time zone (remembered after the first page) and language", async ({ page, workspace }) => {
    const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
    await seedDemoWebsite(workspace.slug);
    await signIn(page, workspace.members.marketer.email);
    await page.goto("/personalizations");
    // The first page learns the zone and re-renders once; from then on the server writes it directly.
    // German order ("30. Nov. 2026, 08:36 GMT+5:30"): the day is followed by a full stop.
    await expect(page.getByRole("cell", { name: /^\d{1,2}\. \S+ \d{4}, \d{2}:\d{2} GMT\+5:30$/ }).first()).toBeVisible();
    // Chromium may name the zone by its older alias.
    expect((await page.context().cookies()).find((c) => c.name === "tailor_tz")?.value).toMatch(/^Asia%2F(Kolkata|Calcutta)$/);
    const html = await (await page.request.get("/personalizations")).text();
    expect(html).toMatch(/\d{1,2}\.? \S+ \d{4}, \d{2}:\d{2} GMT\+5:30/);
  });
});
