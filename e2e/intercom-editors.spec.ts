import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator } from "./emulator";

// The Intercom-aware editors: tags and attributes picked from the workspace's Intercom catalogue, a
// typo flagged in the editor and listed at publish, merge-tag autocomplete that renders on the demo
// site, and the unsaved-changes guard. The workspace gets the demo website (connected to the
// emulator's US workspace, hero and color personalizations published) through lib/, as
// demo-site.spec.ts does.

const screens = "test-results/screens";

async function setUpWebsite(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { tokens } = await emulator.info();
  await seedDemoWebsite(workspace.slug, tokens.US.full);
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).exclude("[data-toaster]").analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function openColorBanner(page: Page) {
  await page.goto("/personalizations");
  await page.getByRole("link", { name: "Favorite color banner" }).first().click();
  await expect(page.getByRole("heading", { name: "Favorite color banner" })).toBeVisible();
  // The form fills its fields when it hydrates: wait for the saved content before typing.
  await expect(page.getByLabel("Default content", { exact: true })).toHaveValue(/Tell us your favorite color/);
}

test.describe("Intercom-aware editors", () => {
  test("typo tag flagged and listed at publish; autocomplete picks favorite_color and the merge tag renders; unsaved changes are guarded", async ({ page, workspace }) => {
    test.slow(); // editor, publish and the demo site in one story
    await setUpWebsite(workspace);
    await signIn(page, workspace.members.admin.email);
    await openColorBanner(page);

    // Merge tag autocomplete: "{{fav" offers intercom.favorite_color; Enter inserts the whole tag.
    const known = page.getByRole("region", { name: /^Variant 1/ });
    const content = known.getByLabel("Content", { exact: true });
    await content.fill("<p>Color: {{fav");
    await content.press("End");
    await content.pressSequentially("o");
    const mergeList = page.getByRole("listbox", { name: "Intercom attributes for a merge tag" });
    await expect(mergeList.getByRole("option", { name: "intercom.favorite_color" })).toBeVisible();
    await content.press("Enter");
    await expect(content).toHaveValue("<p>Color: {{intercom.favorite_color}}");
    await content.press("End");
    await content.pressSequentially("</p>");
    await expect(mergeList).toHaveCount(0);
    // An attribute Intercom doesn't have is flagged under the field.
    const fallback = page.getByLabel("Default content", { exact: true });
    await fallback.fill("<p>Pick a color, {{intercom.favourite_colour}}</p>");
    await expect(page.getByText("merge tag {{intercom.favourite_colour}} is not in Intercom")).toBeVisible();
    await fallback.fill("<p>Tell us your favorite color.</p>");

    // A second variant: the typo tag `custmer` and an attribute picked from the list.
    await page.getByRole("button", { name: "Add variant" }).click();
    const typo = page.getByRole("region", { name: /^Variant 2/ });
    await typo.getByLabel("Variant name").fill("Customers");
    await typo.getByLabel("Content", { exact: true }).fill("<p>Hello customer</p>");
    await typo.getByRole("button", { name: "Add condition" }).click();
    const tag = typo.getByRole("group", { name: "Condition 1" }).getByRole("combobox", { name: "Tag", exact: true });
    await tag.fill("cust");
    await expect(page.getByRole("listbox", { name: "Intercom tags" }).getByRole("option", { name: "customer" })).toBeVisible();
    await tag.fill("custmer");
    await expect(typo.getByText("Not in Intercom")).toBeVisible();
    await expect(tag).toHaveAccessibleDescription(/Not in Intercom/);

    await typo.getByRole("button", { name: "Add condition" }).click();
    const second = typo.getByRole("group", { name: "Condition 2" });
    await second.getByLabel("Condition type").selectOption("attribute");
    const attribute = second.getByRole("combobox", { name: "Attribute", exact: true });
    await attribute.fill("favorite");
    const attributes = page.getByRole("listbox", { name: "Intercom attributes" });
    await expect(attributes.getByRole("option", { name: /favorite_color/ })).toBeVisible();
    await expect(attribute).toHaveAttribute("aria-expanded", "true");
    await page.screenshot({ path: `${screens}/rule-editor-autocomplete.png`, fullPage: true });
    await typo.screenshot({ path: `${screens}/rule-editor-autocomplete-variant.png` });
    expect(await axeViolations(page)).toEqual([]);
    await attribute.press("ArrowDown");
    await attribute.press("Enter");
    await expect(attribute).toHaveValue("intercom.favorite_color");
    // A text attribute offers text operators only.
    await expect(second.getByLabel("Operator", { exact: true }).locator("option", { hasText: "is greater than" })).toHaveCount(0);
    await second.getByLabel("Operator", { exact: true }).selectOption("exists");
    await expect(typo.getByText("has tag custmer AND favorite_color is set")).toBeVisible();

    // Leaving with unsaved edits asks first; Stay keeps every edit.
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Segments" }).click();
    const leave = page.getByRole("alertdialog", { name: "Leave without saving?" });
    await expect(leave).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await leave.getByRole("button", { name: "Stay on this page" }).click();
    await expect(leave).toHaveCount(0);
    await expect(page).toHaveURL(/\/personalizations\/[\w-]+$/);
    await expect(tag).toHaveValue("custmer");

    // Saving warns but saves.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Saved “Favorite color banner”, but Intercom doesn't have everything it names.")).toBeVisible();
    await expect(page.getByText(/variant "Customers" audience: tag "custmer" is not in Intercom/).first()).toBeVisible();

    // The publish dialog lists the reference, and publishing is still possible.
    await page.getByRole("banner").getByRole("button", { name: "Review & publish" }).click();
    const dialog = page.getByRole("dialog", { name: "Review & publish" });
    await expect(dialog.getByText("1 reference Intercom doesn't have")).toBeVisible();
    await expect(dialog.getByRole("list", { name: "1 reference Intercom doesn't have" })).toContainText(
      'Personalization "Favorite color banner", variant "Customers" audience: tag "custmer" is not in Intercom',
    );
    await dialog.screenshot({ path: `${screens}/publish-intercom-references.png` });
    await dialog.getByRole("button", { name: "Publish v2" }).click();
    await expect(page.getByText("Published v2", { exact: true })).toBeVisible();

    // Ada (favorite color teal) sees the merge tag rendered on the demo site.
    await page.goto(`/demo-site?workspace=${workspace.slug}`);
    await page.getByLabel("Your email").fill("ada@example.com");
    await page.getByRole("button", { name: "Identify me" }).click();
    await expect(page.getByRole("status")).toContainText("Identified.");
    await expect(async () => {
      await page.reload();
      await expect(page.locator('[data-tailor-placement="color"]')).toHaveText("Color: teal", { timeout: 1_500 });
    }).toPass({ timeout: 15_000 });

    // Leave: the route changes and the edit is dropped.
    await openColorBanner(page);
    await page.getByLabel("Name", { exact: true }).fill("Color banner (unsaved)");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
    await page.getByRole("alertdialog", { name: "Leave without saving?" }).getByRole("button", { name: "Leave without saving" }).click();
    await expect(page.getByRole("heading", { name: "Segments", exact: true })).toBeVisible();
    await page.goto("/personalizations");
    await expect(page.getByRole("link", { name: "Favorite color banner" }).first()).toBeVisible();
  });

  test("the attribute autocomplete at phone width", async ({ page, workspace }) => {
    await setUpWebsite(workspace);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, workspace.members.marketer.email);
    await openColorBanner(page);
    const known = page.getByRole("region", { name: /^Variant 1/ });
    const attribute = known.getByRole("combobox", { name: "Attribute", exact: true });
    await expect(attribute).toHaveValue("intercom.favorite_color");
    await attribute.fill("s");
    await expect(page.getByRole("listbox", { name: "Intercom attributes" })).toBeVisible();
    await known.screenshot({ path: `${screens}/rule-editor-autocomplete-mobile.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
