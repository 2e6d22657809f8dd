import { callAction, captureAction, expect, signIn, test } from "./fixtures";

test.describe("members (owner)", () => {
  test("add a member, change their role, remove them", async ({ page, workspace }) => {
    await signIn(page, workspace.members.owner.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();

    await page.getByRole("button", { name: "Add member" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a member" });
    await dialog.getByLabel("Email").fill("new-hire@e2e.test");
    await dialog.getByLabel("Name").fill("New Hire");
    await dialog.getByLabel("Role").selectOption("support");
    await dialog.getByLabel("Initial password").fill("short");
    await dialog.getByRole("button", { name: "Add member" }).click();
    await expect(dialog.getByText("Use at least 10 characters.")).toBeVisible();
    await expect(dialog.getByLabel("Email")).toHaveValue("new-hire@e2e.test");

    await dialog.getByLabel("Initial password").fill("long-enough-password");
    await dialog.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByText("new-hire@e2e.test was added.")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "new-hire@e2e.test" });
    await expect(row).toContainText("Support");

    await row.getByRole("link", { name: "Manage new-hire@e2e.test" }).click();
    await page.getByLabel("Role").selectOption("admin");
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("new-hire@e2e.test is now admin.")).toBeVisible();

    await page.getByRole("button", { name: "Remove member" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect(page).toHaveURL(/\/settings\/members$/);
    await expect(page.getByRole("row").filter({ hasText: "new-hire@e2e.test" })).toHaveCount(0);

    // Each change is in the audit log, shown as recent activity.
    await page.goto("/overview");
    const activity = page.getByRole("region", { name: "Recent activity" });
    await expect(activity).toContainText(`${workspace.members.owner.email} added new-hire@e2e.test as support`);
    await expect(activity).toContainText("changed new-hire@e2e.test from support to admin");
    await expect(activity).toContainText("removed new-hire@e2e.test");
  });

  test("the last owner cannot be demoted", async ({ page, workspace }) => {
    await signIn(page, workspace.members.owner.email);
    await page.goto(`/settings/members/${workspace.members.owner.membershipId}`);
    await page.getByLabel("Role").selectOption("admin");
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(/at least one owner/);
    await page.goto("/settings/members");
    await expect(page.getByRole("row").filter({ hasText: workspace.members.owner.email })).toContainText("Owner");
  });
});

test.describe("workspace isolation", () => {
  test("an Acme owner cannot see or change Globex members by editing the URL or the payload", async ({ browser, workspace }) => {
    const globex = await browser.newContext({ storageState: "e2e/.auth/globexOwner.json" });
    const globexPage = await globex.newPage();
    await globexPage.goto("/settings/members");
    const manage = globexPage.getByRole("link", { name: "Manage owner@globex.test" });
    const globexMemberUrl = await manage.getAttribute("href");
    expect(globexMemberUrl).toMatch(/^\/settings\/members\/.+/);

    const acme = await browser.newContext({ storageState: "e2e/.auth/owner.json" });
    const acmePage = await acme.newPage();
    const response = await acmePage.goto(globexMemberUrl!);
    expect(response?.status()).toBe(404);
    await expect(acmePage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(acmePage.getByText("owner@globex.test")).toHaveCount(0);

    // Same through the action: capture "change role" in a workspace of our own, then Acme's owner
    // replays it with Globex's membership id.
    const ownPage = await browser.newPage();
    await signIn(ownPage, workspace.members.owner.email);
    await ownPage.goto(`/settings/members/${workspace.members.admin.membershipId}`);
    await ownPage.getByLabel("Role").selectOption("marketer");
    const action = await captureAction(ownPage, () => ownPage.getByRole("button", { name: "Save role" }).click());
    const globexMembershipId = globexMemberUrl!.split("/").pop();
    const result = await callAction(acmePage.request, action, [{ membershipId: globexMembershipId, role: "support" }]);
    expect(result.text).toContain("That member is not in this workspace.");
    await globexPage.reload();
    await expect(globexPage.getByRole("row").filter({ hasText: "owner@globex.test" })).toContainText("Owner");
    await ownPage.close();
    await globex.close();
    await acme.close();
  });
});
