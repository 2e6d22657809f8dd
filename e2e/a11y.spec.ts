import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test.describe("accessibility (axe: no serious or critical violations)", () => {
  test("sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the shell and the members page", async ({ page, workspace }) => {
    test.slow(); // three full-page axe scans (each injects axe into a second page to finish the run)
    await signIn(page, workspace.members.owner.email);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto("/settings/members");
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Invite member" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the shell at phone width opens its navigation", async ({ page, workspace }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, workspace.members.owner.email);
    await page.getByRole("button", { name: "Open navigation" }).click();
    await page.getByRole("dialog").getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings\/website$/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
