import type { Page, Route } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/**
 * Interaction islands (components/interaction-island.tsx): a form's JavaScript loads on first
 * interaction, not with the page, and nothing done before it loads is lost. The island's chunks are
 * held at the network so "before it loads" is not a race.
 */

/** Holds every script requested from now on until `release()`. */
async function holdScripts(page: Page) {
  const held: Route[] = [];
  let holding = true;
  await page.route("**/_next/static/chunks/**", (route) => (holding ? held.push(route) : route.continue()));
  return {
    held,
    async release() {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

test.describe("interaction islands", () => {
  test("the page works as HTML first: typed values, a chosen radio and a held click survive the form's JavaScript loading", async ({ page, workspace }) => {
    await signIn(page, workspace.members.admin.email);
    const scripts: string[] = [];
    await page.goto("/settings/website", { waitUntil: "networkidle" });
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    const url = page.url();

    // The server HTML carries the form's values; no script has loaded for it yet.
    const hide = page.getByLabel("Hide time (ms)");
    await expect(hide).toHaveValue("600");
    await expect(page.getByRole("radio", { name: /Required \(recommended\)/ })).toBeChecked();
    expect(scripts).toEqual([]);

    const network = await holdScripts(page);
    await hide.fill("750");
    await page.getByRole("radio", { name: /Verified for writes/ }).check();
    await page.getByRole("button", { name: "Generate secret" }).click();
    // Interaction asked for the islands' code; until it arrives the page keeps what was done and goes nowhere.
    await expect.poll(() => network.held.length).toBeGreaterThan(0);
    await expect(hide).toHaveValue("750");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    expect(page.url()).toBe(url);

    await network.release();
    // The held click opens the dialog once the button is live; the typed value and the radio are the forms' own now.
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(hide).toHaveValue("750");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Website settings saved.")).toBeVisible();
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Identity verification policy saved.")).toBeVisible();

    await page.reload();
    await expect(hide).toHaveValue("750");
    await expect(page.getByRole("radio", { name: /Verified for writes/ })).toBeChecked();
    expect(new URL(page.url()).search).toBe("");
  });

  test("Enter in a field before the JavaScript arrives submits once it is live, never as a native GET", async ({ page, workspace }) => {
    await signIn(page, workspace.members.admin.email);
    await page.goto("/personalizations/goals", { waitUntil: "networkidle" });
    const network = await holdScripts(page);
    const name = page.getByLabel("Name", { exact: true });
    await name.fill("Held signup");
    await page.getByLabel("Key", { exact: true }).fill("held-signup");
    await page.getByLabel("CSS selector").fill("#signup");
    await page.getByLabel("CSS selector").press("Enter");
    await expect.poll(() => network.held.length).toBeGreaterThan(0);
    expect(new URL(page.url()).search).toBe("");
    await network.release();
    await expect(page.getByRole("cell", { name: "Held signup", exact: true })).toBeVisible();
    expect(new URL(page.url()).search).toBe("");
  });

  test("Enter held while the inert Save is disabled saves once live; focus on a button stays on it", async ({ page, workspace }) => {
    await signIn(page, workspace.members.admin.email);
    await page.goto("/settings/website", { waitUntil: "networkidle" });
    const network = await holdScripts(page);
    const hide = page.getByLabel("Hide time (ms)");
    await hide.fill("700");
    await hide.press("Enter");
    const secret = page.getByRole("button", { name: "Generate secret" });
    await secret.focus();
    await expect.poll(() => network.held.length).toBeGreaterThan(0);
    await network.release();
    await expect(page.getByText("Website settings saved.")).toBeVisible();
    await expect(secret).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(hide).toHaveValue("700");
  });

  test("after a client-side navigation the island loads at once and is live", async ({ page, workspace }) => {
    await signIn(page, workspace.members.admin.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings\/website$/);
    await page.getByLabel("Hide time (ms)").fill("650");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Website settings saved.")).toBeVisible();
  });
});
