import type { Role } from "@/lib/auth/permissions";
import { callAction, captureAction, expect, signIn, test } from "./fixtures";

const sidebarOf: Record<Role, string[]> = {
  owner: ["Overview", "Segments", "Personalizations", "Flows", "Integrations", "Debug", "Settings"],
  admin: ["Overview", "Segments", "Personalizations", "Flows", "Integrations", "Debug", "Settings"],
  marketer: ["Overview", "Segments", "Personalizations", "Flows", "Integrations", "Settings"],
  support: ["Overview", "Segments", "Personalizations", "Flows", "Integrations", "Debug"],
};

test.describe("roles", () => {
  for (const role of Object.keys(sidebarOf) as Role[]) {
    test(`${role} sees exactly their sidebar entries`, async ({ page, workspace }) => {
      await signIn(page, workspace.members[role].email);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText(sidebarOf[role]);
      await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("banner")).toContainText(`Role: ${role[0]!.toUpperCase()}${role.slice(1)}`);
    });
  }

  test("support gets a 403 page at an owner-only URL", async ({ page, workspace }) => {
    await signIn(page, workspace.members.support.email);
    const response = await page.goto("/settings/members");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByText(workspace.members.owner.email)).toHaveCount(0);
  });

  test("support is refused when calling the member-management action directly", async ({ browser, workspace }) => {
    // The owner's browser shows which action the UI sends...
    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, workspace.members.owner.email);
    await ownerPage.goto(`/settings/members/${workspace.members.admin.membershipId}`);
    await ownerPage.getByLabel("Role").selectOption("marketer");
    const action = await captureAction(ownerPage, () => ownerPage.getByRole("button", { name: "Save role" }).click());
    await expect(ownerPage.getByText(/is now marketer/)).toBeVisible();

    // ...and support replays it with its own session, trying to make itself owner.
    const supportContext = await browser.newContext();
    const supportPage = await supportContext.newPage();
    await signIn(supportPage, workspace.members.support.email);
    const result = await callAction(supportPage.request, action, [{ membershipId: workspace.members.support.membershipId, role: "owner" }]);
    expect(result.text).toContain('"code":"forbidden"');
    expect(result.text).toContain("You don't have permission to do that.");

    await ownerPage.goto("/settings/members");
    const supportRow = ownerPage.getByRole("row").filter({ hasText: workspace.members.support.email });
    await expect(supportRow).toContainText("Support");
    await ownerContext.close();
    await supportContext.close();
  });
});
