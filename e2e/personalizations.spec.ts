import type { Page } from "@playwright/test";
import { callAction, captureAction, expect, signIn, test } from "./fixtures";
import { seriousViolations } from "./axe";
import { emulator } from "./emulator";
import { storageStateOf } from "./users";

const screens = "test-results/screens";

async function openPersonalizations(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Personalizations" }).click();
  await expect(page.getByRole("heading", { name: "Personalizations", exact: true })).toBeVisible();
}

/** Fills a new personalization with a VIP variant (has tag vip); leaves it unsaved. */
async function fillVipPersonalization(page: Page, content: { vip: string; fallback: string }) {
  await page.getByLabel("Name", { exact: true }).fill("Homepage hero");
  await page.getByLabel("Placement key").fill("hero");
  await expect(page.getByText('<div data-tailor-placement="hero">…</div>')).toBeVisible();
  await page.getByLabel("Default content", { exact: true }).fill(content.fallback);
  await page.getByRole("button", { name: "Add variant" }).click();
  const variant = page.getByRole("region", { name: /^Variant 1/ });
  await variant.getByLabel("Variant name").fill("VIP");
  await expect(variant.getByText("everyone", { exact: true })).toBeVisible();
  await variant.getByRole("button", { name: "Add condition" }).click();
  const condition = variant.getByRole("group", { name: "Condition 1" });
  await expect(condition.getByLabel("Condition type")).toHaveValue("tag");
  await condition.getByLabel("Tag", { exact: true }).fill("vip");
  await expect(variant.getByText("has tag vip")).toBeVisible();
  await variant.getByLabel("Content", { exact: true }).fill(content.vip);
  return variant;
}

async function connectIntercom(page: Page) {
  const { tokens } = await emulator.info();
  await page.goto("/integrations/intercom");
  const form = page.getByRole("form", { name: "Connect Intercom" });
  await form.getByLabel("Access token").fill(tokens.US.full);
  await form.getByLabel("Region").selectOption("US");
  await form.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText("Connected to Acme (US) · US", { exact: true })).toBeVisible();
}

test.describe("personalizations", () => {
  test("a marketer drafts, an admin reviews and publishes, edits show as unpublished, and v1 can be restored", async ({ browser, workspace }) => {
    test.slow(); // four people in one story
    const marketerContext = await browser.newContext();
    const page = await marketerContext.newPage();
    await signIn(page, workspace.members.marketer.email);
    await openPersonalizations(page);
    await expect(page.getByText("No personalizations yet")).toBeVisible();
    await page.getByRole("link", { name: "New personalization" }).click();
    await expect(page.getByRole("heading", { name: "New personalization" })).toBeVisible();

    // Field errors first: nothing filled in.
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByText("Name this personalization.")).toBeVisible();
    await expect(page.getByText("Enter a placement key.")).toBeVisible();

    const variant = await fillVipPersonalization(page, { vip: "<p>Thanks for being a VIP!</p>", fallback: "<p>Welcome!</p>" });
    // A broken merge tag is flagged as you type.
    await page.getByLabel("Default content", { exact: true }).fill("<p>Welcome, {{intercom.name</p>");
    await expect(page.getByText("Line 1, column 13:")).toBeVisible();
    await page.getByLabel("Default content", { exact: true }).fill("<p>Welcome!</p>");
    await expect(page.getByText("Line 1, column 13:")).toHaveCount(0);
    await page.screenshot({ path: `${screens}/personalization-editor.png`, fullPage: true });
    await variant.screenshot({ path: `${screens}/rule-builder.png` });
    expect(await seriousViolations(page)).toEqual([]);

    const save = await captureAction(page, () => page.getByRole("button", { name: "Create draft" }).click());
    await expect(page.getByText("Saved “Homepage hero”. Publish to make it live.")).toBeVisible();
    await expect(page).toHaveURL(/\/personalizations\/(?!new$)[\w-]+$/);
    const editorUrl = page.url();
    const banner = page.getByRole("banner");
    await expect(banner.getByText("Unpublished changes")).toBeVisible();
    await expect(banner.getByRole("button", { name: "Review & publish" })).toHaveCount(0);

    // The list shows it.
    await openPersonalizations(page);
    const row = page.getByRole("row").filter({ hasText: "Homepage hero" });
    await expect(row).toContainText("hero");
    await expect(row).toContainText("1");

    // An admin reviews the diff and publishes v1.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, workspace.members.admin.email);
    await admin.getByRole("banner").getByRole("button", { name: "Review & publish" }).click();
    const dialog = admin.getByRole("dialog", { name: "Review & publish" });
    await expect(dialog.getByRole("list", { name: "Changes to publish" })).toContainText('Personalization "Homepage hero" (hero): added with 1 variant');
    await admin.screenshot({ path: `${screens}/publish-dialog.png` });
    expect(await seriousViolations(admin)).toEqual([]);
    const publish = await captureAction(admin, () => dialog.getByRole("button", { name: "Publish v1" }).click());
    await expect(admin.getByText("Published v1", { exact: true })).toBeVisible();
    await expect(admin.getByRole("banner").getByText("Unpublished changes")).toHaveCount(0);

    // The marketer can't publish, not even by replaying the action.
    const refused = await callAction(page.request, publish, [{}]);
    expect(refused.text).toContain('"code":"forbidden"');

    await admin.goto("/personalizations/versions");
    const v1 = admin.getByRole("region", { name: "v1", exact: true });
    await expect(v1).toContainText("Live");
    // Authorship: the marketer made the change, the admin published it.
    await expect(v1).toContainText(/Changes by\s*Marketer \w+/);
    await expect(v1).toContainText(/Published by\s*Admin \w+/);
    await expect(v1.getByRole("list", { name: "Changes in v1" })).toContainText("added with 1 variant");

    // Another workspace's owner gets a 404 for this id.
    const globexContext = await browser.newContext({ storageState: storageStateOf("globexOwner") });
    const globex = await globexContext.newPage();
    expect((await globex.goto(new URL(editorUrl).pathname))?.status()).toBe(404);

    // A draft edit brings the badge back; the admin publishes it as v2.
    await page.goto(editorUrl);
    // The form fills its fields when it hydrates (react-hook-form's register); typing before that mixes
    // the two texts, so wait for the saved content first.
    const defaultContent = page.getByLabel("Default content", { exact: true });
    await expect(defaultContent).toHaveValue("<p>Welcome!</p>");
    await defaultContent.fill("<p>Welcome back!</p>");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Saved “Homepage hero”.", { exact: false })).toBeVisible();
    await expect(banner.getByText("Unpublished changes")).toBeVisible();
    await admin.reload();
    await admin.getByRole("banner").getByRole("button", { name: "Review & publish" }).click();
    await expect(admin.getByRole("dialog")).toContainText('default content "<p>Welcome!</p>" → "<p>Welcome back!</p>"');
    await admin.getByRole("dialog").getByRole("button", { name: "Publish v2" }).click();
    await expect(admin.getByText("Published v2", { exact: true })).toBeVisible();

    // Restore v1: published again as v3, and the draft follows.
    await admin.goto("/personalizations/versions");
    await expect(admin.getByRole("region", { name: "v2", exact: true })).toContainText("Live");
    await expect(admin.getByRole("region", { name: "v2", exact: true }).getByRole("button", { name: /Restore/ })).toHaveCount(0);
    await admin.getByRole("button", { name: "Restore v1" }).click();
    await admin.getByRole("dialog", { name: "Restore v1?" }).getByRole("button", { name: "Restore and publish v3" }).click();
    await expect(admin.getByText("Restored v1 as v3", { exact: true })).toBeVisible();
    await expect(admin.getByRole("region", { name: "v3", exact: true })).toContainText("Restored from v1");
    await expect(admin.getByRole("region", { name: "v3", exact: true })).toContainText("Live");
    await admin.screenshot({ path: `${screens}/versions.png`, fullPage: true });
    expect(await seriousViolations(admin)).toEqual([]);
    await expect(admin.getByRole("banner").getByText("Unpublished changes")).toHaveCount(0);
    await admin.goto("/personalizations");
    await admin.getByRole("link", { name: "Homepage hero" }).click();
    await expect(admin.getByLabel("Default content", { exact: true })).toHaveValue("<p>Welcome!</p>");

    // Support reads it, can't change it, and is refused when replaying the save.
    const supportContext = await browser.newContext();
    const support = await supportContext.newPage();
    await signIn(support, workspace.members.support.email);
    await support.goto("/personalizations");
    await expect(support.getByRole("link", { name: "New personalization" })).toHaveCount(0);
    await support.getByRole("link", { name: "Homepage hero" }).click();
    await expect(support.getByText("You can view this personalization")).toBeVisible();
    await expect(support.getByLabel("Name", { exact: true })).toBeDisabled();
    await expect(support.getByRole("button", { name: /Save draft|Delete|Add variant/ })).toHaveCount(0);
    const supportSave = await callAction(support.request, save, [{ placementKey: "hacked", name: "Hacked", defaultHtml: "", variants: [] }]);
    expect(supportSave.text).toContain('"code":"forbidden"');
    expect((await support.goto("/personalizations/new"))?.status()).toBe(403);

    // The marketer deletes it after confirming (restoring gave it a new id); the deletion is an unpublished change.
    await openPersonalizations(page);
    await page.getByRole("link", { name: "Homepage hero" }).click();
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete “Homepage hero”?" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("No personalizations yet")).toBeVisible();
    await expect(banner.getByText("Unpublished changes")).toBeVisible();

    for (const context of [marketerContext, adminContext, supportContext, globexContext]) await context.close();
  });

  test("preview as a contact: the VIP variant with merge tags, escaped values, and clear errors", async ({ page, workspace }) => {
    test.slow(); // connects Intercom and waits out one Intercom timeout
    const dialogs: string[] = [];
    let leftUnsaved = 0;
    page.on("dialog", async (d) => {
      // Going to the Intercom page below leaves the unsaved editor on purpose: the browser asks, we leave.
      if (d.type() === "beforeunload") {
        leftUnsaved++;
        return d.accept();
      }
      dialogs.push(d.message());
      await d.dismiss();
    });
    await signIn(page, workspace.members.marketer.email);
    await page.goto("/personalizations/new");
    await fillVipPersonalization(page, {
      vip: "<p>VIP pick: {{intercom.favorite_color}}</p>",
      fallback: '<p>We picked {{intercom.favorite_color | fallback: "your favorite color"}} for you.</p>',
    });
    const preview = page.getByRole("form", { name: "Preview as a contact" });
    const contactInput = preview.getByLabel("Email or Intercom contact id");

    // Not connected yet.
    await contactInput.fill("ada@example.com");
    await preview.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByText("Intercom is not connected, so there is no contact to preview with.")).toBeVisible();

    await connectIntercom(page);
    expect(leftUnsaved).toBe(1);
    await page.goto("/personalizations/new");
    await fillVipPersonalization(page, {
      vip: "<p>VIP pick: {{intercom.favorite_color}}</p>",
      fallback: '<p>We picked {{intercom.favorite_color | fallback: "your favorite color"}} for you.</p>',
    });

    // Ada has the vip tag and favorite_color teal; the preview uses the unsaved editor content.
    await contactInput.fill("ada@example.com");
    await preview.getByRole("button", { name: "Preview", exact: true }).click();
    const result = page.getByRole("region", { name: "Preview result" });
    await expect(result.getByText("Sees variant “VIP”")).toBeVisible();
    await expect(result.getByRole("list", { name: "Conditions of VIP" })).toContainText("has tag vip");
    const frame = page.frameLocator('iframe[title^="Rendered content for"]');
    await expect(frame.locator("body")).toHaveText("VIP pick: teal");
    await expect(result).toContainText("{{intercom.favorite_color}}");
    await page.screenshot({ path: `${screens}/preview-ada.png`, fullPage: true });
    await result.screenshot({ path: `${screens}/preview-ada-result.png` });

    // Mallory has no vip tag: default content, and her <script> favorite color renders as text.
    await contactInput.fill("mallory@example.com");
    await preview.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(result.getByText("Sees the default content")).toBeVisible();
    await expect(frame.locator("body")).toHaveText("We picked <script>alert(1)</script> for you.");
    await expect(frame.locator("script")).toHaveCount(0);
    await expect(result.getByText("→ <script>alert(1)</script>")).toBeVisible();
    await result.screenshot({ path: `${screens}/preview-mallory-result.png` });

    // Grace has no favorite color: the fallback is used and flagged.
    await contactInput.fill("grace@example.com");
    await preview.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(frame.locator("body")).toHaveText("We picked your favorite color for you.");
    await expect(result.getByText("fallback used")).toBeVisible();

    // Nobody with that email.
    await contactInput.fill("nobody@example.com");
    await preview.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByText("No Intercom contact has the email nobody@example.com.")).toBeVisible();

    // Intercom down.
    await emulator.setFaults({ dropRate: 1, region: "US" });
    try {
      await contactInput.fill("sam@example.com");
      await preview.getByRole("button", { name: "Preview", exact: true }).click();
      await expect(page.getByText(/Intercom is unavailable right now/)).toBeVisible();
    } finally {
      await emulator.clearFaults();
    }
    expect(dialogs).toEqual([]);
  });

  test("the editor works at phone width", async ({ page, workspace }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, workspace.members.marketer.email);
    await page.goto("/personalizations/new");
    const variant = await fillVipPersonalization(page, { vip: "<p>VIP</p>", fallback: "<p>Hi</p>" });
    await variant.getByRole("button", { name: "Add group" }).click();
    const group = variant.getByRole("group", { name: /^Group 2 of Audience of Variant 1/ });
    await group.getByRole("group", { name: "Condition 1" }).getByLabel("Condition type").selectOption("attribute");
    await group.getByLabel("Attribute", { exact: true }).fill("custom.seats");
    await group.getByLabel("Operator", { exact: true }).selectOption("greater_than");
    await group.getByLabel("Number").fill("10");
    await expect(variant.getByText("has tag vip AND seats is greater than 10")).toBeVisible();
    await page.screenshot({ path: `${screens}/personalization-editor-mobile.png`, fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByText("Saved “Homepage hero”. Publish to make it live.")).toBeVisible();
    await expect(page.getByRole("banner").getByText("Unpublished", { exact: true })).toBeVisible();
    await page.screenshot({ path: `${screens}/personalization-saved-mobile.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
