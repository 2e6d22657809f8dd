import { readFileSync, existsSync } from "node:fs";
import type { Page } from "@playwright/test";
import { callAction, captureAction, expect, signIn, test } from "./fixtures";
import { emulator } from "./emulator";

async function openIntercom(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();
  await page.getByRole("link", { name: /Set up Intercom|Manage Intercom/ }).click();
  await expect(page.getByRole("heading", { name: "Intercom", exact: true })).toBeVisible();
}

async function connect(page: Page, token: string, region: "US" | "EU" | "AU") {
  const form = page.getByRole("form", { name: "Connect Intercom" });
  await form.getByLabel("Access token").fill(token);
  await form.getByLabel("Region").selectOption(region);
  await form.getByRole("button", { name: "Connect" }).click();
}

test.describe("connect Intercom", () => {
  test("a marketer connects, tests, replaces and disconnects; the token never leaks", async ({ page, workspace }) => {
    const { tokens } = await emulator.info();
    const seen: string[] = [];
    page.on("response", async (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (/html|json|x-component|text/.test(type)) seen.push(await response.text().catch(() => ""));
    });

    await signIn(page, workspace.members.marketer.email);
    await openIntercom(page);
    await expect(page.getByText("Not connected", { exact: true })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/intercom-not-connected.png", fullPage: true });

    // Show/hide works, and the field is a password field by default.
    const tokenInput = page.getByLabel("Access token");
    await expect(tokenInput).toHaveAttribute("type", "password");
    await page.getByRole("button", { name: "Show token" }).click();
    await expect(tokenInput).toHaveAttribute("type", "text");

    await connect(page, tokens.US.full, "US");
    await expect(page.getByText("Connected to Acme (US) · US", { exact: true })).toBeVisible();
    await expect(page.getByText(`•••• ${tokens.US.full.slice(-4)}`)).toBeVisible();
    await expect(page.getByText(`${workspace.members.marketer.email},`)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/intercom-connected.png", fullPage: true });

    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText("Connection works: Intercom answered for Acme (US).")).toBeVisible();

    await page.getByRole("button", { name: "Replace token" }).click();
    const dialog = page.getByRole("dialog", { name: "Replace the access token" });
    await dialog.getByLabel("Access token").fill("dG9rOnRoaXMtaXMtbm90LWEtdmFsaWQtdG9rZW4tYXQtYWxs");
    await dialog.getByRole("button", { name: "Verify and replace" }).click();
    await expect(dialog.getByText(/doesn't recognise this token/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/intercom-replace-error.png", fullPage: true });
    await dialog.getByLabel("Access token").fill(tokens.EU.full);
    await dialog.getByLabel("Region").selectOption("EU");
    await dialog.getByRole("button", { name: "Verify and replace" }).click();
    // Another Intercom workspace: its own confirmation (e2e/connection-health.spec.ts covers the effects).
    await page.getByRole("alertdialog", { name: "Switch to another Intercom workspace?" }).getByRole("button", { name: "Switch to Acme (EU)" }).click();
    await expect(page.getByText("Connected to Acme (EU) · EU", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByText("Not connected", { exact: true })).toBeVisible();

    await page.goto("/integrations");
    await expect(page.getByText("Not connected", { exact: true })).toBeVisible();

    for (const token of [tokens.US.full, tokens.EU.full]) {
      expect(seen.filter((body) => body.includes(token))).toHaveLength(0);
      const log = readFileSync("data/e2e/app.log", "utf8");
      expect(log.includes(token)).toBe(false);
      for (const file of ["data/e2e/tailor.db", "data/e2e/tailor.db-wal"]) {
        if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(token))).toBe(false);
      }
    }
  });

  test("an EU token with US selected gets a one-click switch to EU", async ({ page, workspace }) => {
    const { tokens } = await emulator.info();
    await signIn(page, workspace.members.admin.email);
    await openIntercom(page);
    await connect(page, tokens.EU.full, "US");
    await expect(page.getByText("This token belongs to an Intercom workspace hosted in the EU.")).toBeVisible();
    await expect(page.getByLabel("Access token")).toHaveValue(tokens.EU.full);
    await page.screenshot({ path: "test-results/screens/intercom-region-suggestion.png", fullPage: true });
    await page.getByRole("button", { name: "Switch to EU and connect" }).click();
    await expect(page.getByText("Connected to Acme (EU) · EU", { exact: true })).toBeVisible();
  });

  test("garbage is refused before any call; an unknown token gets a clear error; nothing is saved", async ({ page, workspace }) => {
    await signIn(page, workspace.members.owner.email);
    await openIntercom(page);
    await connect(page, "not a token", "US");
    await expect(page.getByText(/doesn't look like an Intercom access token/)).toBeVisible();
    await connect(page, "dG9rOmdhcmJhZ2UtdG9rZW4tdGhhdC1ub2JvZHktaXNzdWVk", "US");
    await expect(page.getByText(/doesn't recognise this token/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/intercom-invalid-token.png", fullPage: true });
    await page.reload();
    await expect(page.getByText("Not connected", { exact: true })).toBeVisible();
  });

  test("Intercom unreachable: a clear message, nothing saved", async ({ page, workspace }) => {
    const { tokens } = await emulator.info();
    await signIn(page, workspace.members.marketer.email);
    await openIntercom(page);
    await emulator.setFaults({ dropRate: 1, region: "AU" });
    try {
      await connect(page, tokens.AU.full, "AU");
      await expect(page.locator("form").getByRole("alert")).toContainText("Intercom is unreachable right now. Nothing was saved");
      await page.screenshot({ path: "test-results/screens/intercom-unreachable.png", fullPage: true });
    } finally {
      await emulator.clearFaults();
    }
    await page.reload();
    await expect(page.getByText("Not connected", { exact: true })).toBeVisible();
  });

  test("support sees the status read-only and is refused by the action", async ({ browser, workspace }) => {
    const { tokens } = await emulator.info();
    const marketer = await browser.newPage();
    await signIn(marketer, workspace.members.marketer.email);
    await openIntercom(marketer);
    const action = await captureAction(marketer, () => connect(marketer, tokens.US.full, "US"));
    await expect(marketer.getByText("Connected to Acme (US) · US", { exact: true })).toBeVisible();

    const support = await browser.newPage();
    await signIn(support, workspace.members.support.email);
    await openIntercom(support);
    await expect(support.getByText("Connected to Acme (US) · US", { exact: true })).toBeVisible();
    await expect(support.getByText("You can view this connection.")).toBeVisible();
    await expect(support.getByRole("button", { name: /Test connection|Replace token|Disconnect/ })).toHaveCount(0);
    await support.screenshot({ path: "test-results/screens/intercom-support-readonly.png", fullPage: true });

    const result = await callAction(support.request, action, [{ token: tokens.EU.full, region: "EU" }]);
    expect(result.text).toContain('"code":"forbidden"');
    await support.reload();
    await expect(support.getByText("Connected to Acme (US) · US", { exact: true })).toBeVisible();
    await marketer.close();
    await support.close();
  });
});
