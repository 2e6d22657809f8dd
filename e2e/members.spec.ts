import { callAction, captureAction, expect, signIn, test } from "./fixtures";
import { linkIn, mailTo } from "./mail";

test.describe("members (owner)", () => {
  test("invite a member, who joins with their own password; change their role, remove them", async ({ page, browser, workspace }) => {
    test.setTimeout(90_000); // a long story across two browsers and the mailbox
    const email = `new-hire-${workspace.slug}@e2e.test`;
    await signIn(page, workspace.members.owner.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();

    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await expect(dialog.getByLabel(/password/i)).toHaveCount(0);
    await dialog.getByLabel("Email").fill("not-an-email");
    await dialog.getByLabel("Role").selectOption("support");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog.getByText("Enter a valid email address.")).toBeVisible();
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    const pending = page.getByRole("region", { name: "Pending invitations" }).getByRole("row").filter({ hasText: email });
    await expect(pending).toContainText("Support");
    await expect(page.getByRole("table", { name: "Workspace members" }).getByRole("row").filter({ hasText: email })).toHaveCount(0);

    // The invitee reads the mail and joins with a password of their own.
    const mail = await mailTo(email, { subject: new RegExp(workspace.name) });
    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(linkIn(mail, "/invite/"));
    await expect(inviteePage.getByRole("heading", { name: `Join ${workspace.name}` })).toBeVisible();
    await inviteePage.getByLabel("Your name").fill("New Hire");
    await inviteePage.getByLabel("Choose a password").fill("my-own-password-1");
    await inviteePage.getByLabel("Repeat the password").fill("my-own-password-2");
    await inviteePage.getByRole("button", { name: "Create account and join" }).click();
    await expect(inviteePage.getByText("The passwords don't match.")).toBeVisible();
    await inviteePage.getByLabel("Repeat the password").fill("my-own-password-1");
    await inviteePage.getByRole("button", { name: "Create account and join" }).click();
    await expect(inviteePage).toHaveURL(/\/overview$/);
    await expect(inviteePage.getByText(workspace.name).first()).toBeVisible();

    await page.reload();
    await expect(page.getByRole("region", { name: "Pending invitations" })).toContainText("No pending invitations");
    const row = page.getByRole("table", { name: "Workspace members" }).getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Support");

    await row.getByRole("link", { name: `Manage ${email}` }).click();
    await page.getByLabel("Role").selectOption("admin");
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText(`${email} is now admin.`)).toBeVisible();

    await page.getByRole("button", { name: "Remove member" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect(page).toHaveURL(/\/settings\/members$/);
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
    // Removal ends their session at once.
    await inviteePage.goto("/overview");
    await expect(inviteePage).toHaveURL(/\/sign-in/);
    await invitee.close();

    // Each change is in the audit log, shown as recent activity.
    await page.goto("/overview");
    const activity = page.getByRole("region", { name: "Recent activity" });
    await expect(activity).toContainText(`${workspace.members.owner.email} invited ${email} as support`);
    await expect(activity).toContainText(`${email} accepted the invitation and joined as support`);
    await expect(activity).toContainText(`changed ${email} from support to admin`);
    await expect(activity).toContainText(`removed ${email}`);
  });

  test("pending invitations can be re-sent (the old link stops working) and revoked", async ({ page, browser, workspace }) => {
    test.setTimeout(60_000);
    const email = `later-${workspace.slug}@e2e.test`;
    await signIn(page, workspace.members.owner.email);
    await page.goto("/settings/members");
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    const first = linkIn(await mailTo(email), "/invite/");
    const sentAt = Date.now();
    await page.getByRole("button", { name: `Resend the invitation to ${email}` }).click();
    await expect(page.getByText(`Invitation sent to ${email} again.`)).toBeVisible();
    const second = linkIn(await mailTo(email, { after: sentAt }), "/invite/");
    expect(second).not.toBe(first);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(first);
    await expect(otherPage.getByRole("heading", { name: "This invitation link isn't valid" })).toBeVisible();
    await page.getByRole("button", { name: `Revoke the invitation to ${email}` }).click();
    await expect(page.getByText(`The invitation to ${email} was revoked.`)).toBeVisible();
    await otherPage.goto(second);
    await expect(otherPage.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    await other.close();
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
