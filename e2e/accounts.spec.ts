import { randomUUID } from "node:crypto";
import { callAction, captureAction, createTestWorkspace, expect, signIn, submitSignIn, test, TEST_PASSWORD } from "./fixtures";
import { requestFrom } from "./from-address";
import { allMailTo, linkIn, mailTo } from "./mail";

async function usersWithEmail(email: string) {
  const { getDb, tables } = await import("@/db/client");
  const { eq } = await import("drizzle-orm");
  return getDb().select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.email, email));
}

test.describe("accounts you can trust", () => {
  test("the cross-workspace takeover fails at every step", async ({ browser, workspace: globex }) => {
    test.setTimeout(90_000);
    const acme = await createTestWorkspace();
    const target = `newhire-${randomUUID().slice(0, 8)}@acme.test`;
    const globexGuess = "chosen-by-globex-1";

    // 1. Globex's owner "adds" the Acme address: an invitation, with no password field at all.
    const globexCtx = await browser.newContext();
    const globexPage = await globexCtx.newPage();
    await signIn(globexPage, globex.members.owner.email);
    await globexPage.goto("/settings/members");
    await globexPage.getByRole("button", { name: "Invite member" }).click();
    const dialog = globexPage.getByRole("dialog", { name: "Invite a member" });
    await expect(dialog.getByLabel(/password/i)).toHaveCount(0);
    await dialog.getByLabel("Email").fill(target);
    await dialog.getByLabel("Role").selectOption("admin");
    const invite = await captureAction(globexPage, () => dialog.getByRole("button", { name: "Send invitation" }).click());
    await expect(globexPage.getByText(`Invitation sent to ${target}.`)).toBeVisible();
    // A crafted call carrying a password is stripped by the schema: still no account, no link shown.
    const crafted = await callAction(globexPage.request, invite, [{ email: target, role: "admin", name: "X", password: globexGuess }]);
    expect(crafted.text).not.toContain("/invite/");
    expect(await usersWithEmail(target)).toEqual([]);

    // 2. Acme invites the same address; only the mailbox owner (reading the SMTP sink) accepts.
    const acmeCtx = await browser.newContext();
    const acmePage = await acmeCtx.newPage();
    await signIn(acmePage, acme.members.owner.email);
    await acmePage.goto("/settings/members");
    await acmePage.getByRole("button", { name: "Invite member" }).click();
    const acmeDialog = acmePage.getByRole("dialog", { name: "Invite a member" });
    await acmeDialog.getByLabel("Email").fill(target);
    await acmeDialog.getByLabel("Role").selectOption("admin");
    await acmeDialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(acmePage.getByText(`Invitation sent to ${target}.`)).toBeVisible();

    const acmeMail = await mailTo(target, { subject: new RegExp(acme.name) });
    const globexMail = await mailTo(target, { subject: new RegExp(globex.name) });
    const mailbox = await browser.newContext();
    const mailboxPage = await mailbox.newPage();
    await mailboxPage.goto(linkIn(acmeMail, "/invite/"));
    await expect(mailboxPage.getByRole("heading", { name: `Join ${acme.name}` })).toBeVisible();
    await mailboxPage.getByLabel("Your name").fill("New Hire");
    await mailboxPage.getByLabel("Choose a password").fill("mailbox-owners-own-1");
    await mailboxPage.getByLabel("Repeat the password").fill("mailbox-owners-own-1");
    await mailboxPage.getByRole("button", { name: "Create account and join" }).click();
    await expect(mailboxPage).toHaveURL(/\/overview$/);
    await expect(mailboxPage.getByText(acme.name).first()).toBeVisible();

    // 3. The same link a second time: already used.
    const replay = await (await browser.newContext()).newPage();
    await replay.goto(linkIn(acmeMail, "/invite/"));
    await expect(replay.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

    // 4. Globex's own invitation link, opened by Globex's owner (signed in): not theirs to accept.
    await globexPage.goto(linkIn(globexMail, "/invite/"));
    await expect(globexPage.getByRole("heading", { name: "This invitation is for someone else" })).toBeVisible();
    await expect(globexPage.getByText(`This invitation is for ${target}`)).toBeVisible();
    // Signed out, the link asks for the account's own password, which Globex never knew.
    const anon = await (await browser.newContext()).newPage();
    await anon.goto(linkIn(globexMail, "/invite/"));
    await anon.getByLabel("Password").fill(globexGuess);
    await anon.getByRole("button", { name: "Sign in and join" }).click();
    await expect(anon.getByText("That password is not right.").first()).toBeVisible();

    // 5. Globex revokes; signing in as the address with Globex's guess fails; the owner's works.
    await globexPage.goto("/settings/members");
    await globexPage.getByRole("button", { name: `Revoke the invitation to ${target}` }).click();
    await expect(globexPage.getByText(`The invitation to ${target} was revoked.`)).toBeVisible();
    await anon.goto(linkIn(globexMail, "/invite/"));
    await expect(anon.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    await submitSignIn(anon, target, globexGuess);
    await expect(anon.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await signIn(anon, target, "mailbox-owners-own-1");
    await expect(anon.getByText(acme.name).first()).toBeVisible();
    await expect(anon.getByText(globex.name)).toHaveCount(0);

    // 6. A fresh Globex invitation accepted by the signed-in mailbox owner joins their account.
    await globexPage.goto("/settings/members");
    await globexPage.getByRole("button", { name: "Invite member" }).click();
    await globexPage.getByRole("dialog").getByLabel("Email").fill(target);
    const sentAt = Date.now();
    await globexPage.getByRole("dialog").getByRole("button", { name: "Send invitation" }).click();
    const again = await mailTo(target, { subject: new RegExp(globex.name), after: sentAt });
    await mailboxPage.goto(linkIn(again, "/invite/"));
    await mailboxPage.getByRole("button", { name: `Join ${globex.name}` }).click();
    await expect(mailboxPage).toHaveURL(/\/overview$/);
    await expect(mailboxPage.getByText(globex.name).first()).toBeVisible();
    expect(allMailTo(target).every((m) => !m.text.includes(globexGuess))).toBe(true);
    await Promise.all([globexCtx, acmeCtx, mailbox, replay.context(), anon.context()].map((c) => c.close()));
  });

  test("forgot password: same answer for anyone, a single-use link, every session ends", async ({ browser, page, workspace }) => {
    test.setTimeout(90_000); // a long story: two browsers, mail, three bcrypt sign-ins
    const email = workspace.members.marketer.email;
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email);

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("Email").fill(`nobody-${workspace.slug}@e2e.test`);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const unknownAnswer = await page.getByRole("status").filter({ hasText: "If " }).textContent();
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const knownAnswer = await page.getByRole("status").filter({ hasText: "If " }).textContent();
    expect(knownAnswer!.replace(email, "X")).toBe(unknownAnswer!.replace(`nobody-${workspace.slug}@e2e.test`, "X"));
    expect(allMailTo(`nobody-${workspace.slug}@e2e.test`)).toEqual([]);

    const link = linkIn(await mailTo(email, { subject: /Reset your Tailor password/ }), "/reset-password/");
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("brand-new-password-1");
    await page.getByLabel("Repeat the new password").fill("something-else-123");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page.getByText("The passwords don't match.")).toBeVisible();
    await page.getByLabel("Repeat the new password").fill("brand-new-password-1");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
    await expect(page.getByText("Your password was changed")).toBeVisible();

    // The other browser's session ended with the password change.
    await otherPage.goto("/overview");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await submitSignIn(page, email, TEST_PASSWORD);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await signIn(page, email, "brand-new-password-1");
    // The link worked once.
    await otherPage.goto(link);
    await expect(otherPage.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
    await other.close();
  });

  test("after sign-out, a copy of the old session cookie is worthless", async ({ browser, page, workspace }) => {
    await signIn(page, workspace.members.admin.email);
    const stolen = await page.context().cookies();
    expect(stolen.some((c) => c.name.includes("session-token"))).toBe(true);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    const attacker = await browser.newContext();
    await attacker.addCookies(stolen);
    const attackerPage = await attacker.newPage();
    await attackerPage.goto("/overview");
    await expect(attackerPage).toHaveURL(/\/sign-in/);
    await expect(attackerPage.getByRole("button", { name: "Sign in" })).toBeVisible();
    await attacker.close();
  });

  test("sign out everywhere ends the session in a second browser", async ({ browser, page, workspace }) => {
    const second = await browser.newContext();
    const secondPage = await second.newPage();
    await signIn(secondPage, workspace.members.support.email);
    await signIn(page, workspace.members.support.email);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await secondPage.goto("/overview");
    await expect(secondPage).toHaveURL(/\/sign-in/);
    await second.close();
  });

  test("30 wrong passwords from one client do not stop the owner signing in from another", async ({ browser, baseURL, workspace }) => {
    test.setTimeout(120_000);
    const email = workspace.members.owner.email;
    // The attacker is another client: its own loopback address (the app believes the socket's peer, not X-Forwarded-For).
    const attempt = async (password: string) => {
      const from = { localAddress: "127.0.0.66" };
      const csrf = await requestFrom(baseURL!, { ...from, path: "/api/auth/csrf" });
      const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
      const body = new URLSearchParams({ email, password, csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken }).toString();
      const res = await requestFrom(baseURL!, {
        ...from,
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": "198.51.100.7" },
        body,
      });
      return new URL(String(res.headers.location), baseURL).searchParams.get("code");
    };
    const codes: (string | null)[] = [];
    for (let i = 0; i < 30; i++) codes.push(await attempt(`wrong-guess-${i}`));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill("invalid"));
    expect(codes.slice(5)).toContain("throttled");
    // Each guess that gets through starts a longer wait at once: right after one, even the right password is refused from this client.
    for (let i = 0; i < 100 && (await attempt(`one-more-guess-${i}`)) !== "invalid"; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await attempt(TEST_PASSWORD)).toBe("throttled");

    const owner = await browser.newContext();
    await signIn(await owner.newPage(), email);
    await owner.close();
  });
});
