import { callAction, captureAction, expect, signIn, test } from "./fixtures";

const screens = "test-results/screens";

test.describe("settings → website", () => {
  test("a marketer copies the snippet and sets allowed origins; a bad origin is flagged on its line", async ({ browser, workspace }) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await signIn(page, workspace.members.marketer.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings\/website$/);
    await expect(page.getByRole("heading", { name: "Website", exact: true })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Settings" });
    await expect(tabs.getByRole("link")).toHaveText(["Website"]);
    await expect(tabs.getByRole("link", { name: "Website" })).toHaveAttribute("aria-current", "page");

    const snippet = page.getByRole("figure", { name: "Snippet" });
    const siteKey = (await page.getByText(/^site_/).textContent())!.trim();
    const expected = `<script async src="http://127.0.0.1:${new URL(page.url()).port}/tailor.js" data-site-key="${siteKey}" data-hide-ms="600"></script>`;
    await expect(snippet.locator("pre")).toHaveText(expected);
    await expect(page.getByText('tailor.identify({ email: "ada@example.com", userHash: "USER_HASH" });')).toBeVisible();
    await expect(page.getByText('data-tailor-placement="hero"')).toBeVisible();
    await expect(page.getByRole("figure", { name: "Place a flow in the page (optional)" }).locator("pre")).toContainText('<div data-tailor-flow="welcome"></div>');
    await page.getByRole("button", { name: "Copy snippet" }).click();
    await expect(page.getByText("Snippet copied to the clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // The third line is not an origin: the error names that line, and nothing is saved.
    const origins = page.getByLabel("Allowed origins");
    await origins.fill("https://www.example.com\n\nftp://shop.example.com/path");
    await page.getByLabel("Hide time (ms)").fill("5000");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Line 3: Enter an origin like https://www.example.com (no path).")).toBeVisible();
    await expect(page.getByText("Hide content for at most 3000 ms.")).toBeVisible();
    await expect(origins).toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: `${screens}/website-settings-errors.png`, fullPage: true });

    await origins.fill("https://www.example.com/\nhttps://shop.example.com:8443");
    await page.getByLabel("Hide time (ms)").fill("400");
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save", exact: true }).click());
    await expect(page.getByText("Website settings saved.")).toBeVisible();

    // The server refuses the same, keyed by line, if the browser check is skipped.
    const crafted = await callAction(page.request, save, [{ allowedOrigins: ["https://ok.example.com", "javascript:alert(1)"], hideMs: 100 }]);
    expect(crafted.text).toContain('"allowedOrigins.1"');
    await page.reload();
    await expect(origins).toHaveValue("https://www.example.com\nhttps://shop.example.com:8443");
    await expect(page.getByLabel("Hide time (ms)")).toHaveValue("400");
    await expect(snippet.locator("pre")).toContainText('data-hide-ms="400"');
    await page.screenshot({ path: `${screens}/website-settings.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${screens}/website-settings-mobile.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Support has no Settings: the page is a 403 and the action is refused.
    const supportContext = await browser.newContext();
    const support = await supportContext.newPage();
    await signIn(support, workspace.members.support.email);
    expect((await support.goto("/settings"))?.status()).toBe(403);
    expect((await support.goto("/settings/website"))?.status()).toBe(403);
    const refused = await callAction(support.request, save, [{ allowedOrigins: ["https://evil.example"], hideMs: 0 }]);
    expect(refused.text).toContain('"code":"forbidden"');
    await context.close();
    await supportContext.close();
  });

  test("an API address points the install snippet at the runtime servers; a bad one is refused", async ({ page, workspace }) => {
    await signIn(page, workspace.members.admin.email);
    // A client-side navigation: the form is interactive once it shows (a fresh load may not be hydrated yet).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings\/website$/);
    const snippet = page.getByRole("figure", { name: "Snippet" }).locator("pre");
    const apiAddress = page.getByLabel("API address (optional)");
    await apiAddress.fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Enter an address like https://runtime.example.com/api/v1 (http or https, no ? or #).")).toBeVisible();
    await expect(apiAddress).toHaveAttribute("aria-invalid", "true");

    await apiAddress.fill("https://rt.example.com/api/v1/");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Website settings saved.")).toBeVisible();
    await expect(apiAddress).toHaveValue("https://rt.example.com/api/v1");
    await expect(snippet).toContainText('<script async src="https://rt.example.com/tailor.js"');
    await expect(snippet).toContainText('data-api="https://rt.example.com/api/v1"');

    await apiAddress.fill("");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Website settings saved.").first()).toBeVisible();
    await expect(snippet).not.toContainText("data-api");
  });

  test("settings opens the first tab each role may see", async ({ page, browser, workspace }) => {
    await signIn(page, workspace.members.owner.email);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/website$/);
    const tabs = page.getByRole("navigation", { name: "Settings" });
    await expect(tabs.getByRole("link")).toHaveText(["Website", "Members"]);
    await tabs.getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, workspace.members.admin.email);
    await admin.goto("/settings");
    await expect(admin).toHaveURL(/\/settings\/website$/);
    expect((await admin.goto("/settings/members"))?.status()).toBe(403);
    await adminContext.close();
  });
});
