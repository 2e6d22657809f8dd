import { expect, test } from "./fixtures";
import { signIn, TEST_PASSWORD } from "./fixtures";

test.describe("signing in and out", () => {
  test("a signed-out visitor is sent to sign-in and comes back after", async ({ page, workspace }) => {
    await page.goto("/settings/members");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fmembers/);
    await page.getByLabel("Email").fill(workspace.members.owner.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/members$/);
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  });

  test("a wrong password and an unknown email get the same generic error", async ({ page, workspace }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(workspace.members.admin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const error = page.locator("form").getByRole("alert");
    await expect(error).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(workspace.members.admin.email);

    await page.getByLabel("Email").fill("nobody-here@e2e.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(error).toHaveText("Email or password is incorrect.");
  });

  test("empty fields are refused before anything is sent", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("sign out ends the session", async ({ page, workspace }) => {
    await signIn(page, workspace.members.marketer.email);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
