import { eq } from "drizzle-orm";
import { callAction, captureAction, expect, signIn, test, type TestWorkspace } from "./fixtures";
import { seriousViolations } from "./axe";
import { emulator } from "./emulator";
import { mailTo } from "./mail";

const screens = "test-results/screens";

async function actorOf(workspace: TestWorkspace, role: "marketer" | "admin") {
  const { getDb, tables } = await import("@/db/client");
  const [user] = await getDb().select().from(tables.users).where(eq(tables.users.email, workspace.members[role].email));
  return { workspaceId: workspace.id, userId: user!.id, name: user!.name };
}

/** The marketer changes the hero's default content (what an anonymous visitor sees), as the editor would save it. */
async function editHero(workspace: TestWorkspace, html: string) {
  const { listPersonalizations, savePersonalization } = await import("@/lib/personalizations/personalizations");
  const hero = (await listPersonalizations(workspace.id)).find((p) => p.placementKey === "hero")!;
  await savePersonalization(await actorOf(workspace, "marketer"), { ...hero, defaultHtml: html });
}

test.describe("publish requests", () => {
  test("a marketer asks for review; an admin approves one (live on the demo site, credited) and declines another with a reason", async ({ browser, workspace }) => {
    test.slow(); // two people, two requests, the demo site
    const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
    await seedDemoWebsite(workspace.slug, (await emulator.info()).tokens.US.full); // publishes v1
    const marketerName = (await actorOf(workspace, "marketer")).name;
    const adminName = (await actorOf(workspace, "admin")).name;

    // The marketer sees why they can't publish, and sends the draft with a note.
    await editHero(workspace, "<h1>Reviewed launch headline</h1>");
    const marketerContext = await browser.newContext();
    const marketer = await marketerContext.newPage();
    await signIn(marketer, workspace.members.marketer.email);
    const banner = marketer.getByRole("banner");
    await expect(banner.getByText("Unpublished changes")).toBeVisible();
    await banner.getByRole("button", { name: "Request review" }).click();
    const ask = marketer.getByRole("dialog", { name: "Request review" });
    await expect(ask).toContainText("Only owners and admins can publish");
    await expect(ask.getByRole("list", { name: "Changes to review" })).toContainText("Reviewed launch headline");
    await ask.getByLabel("Note for the reviewer").fill("New headline for the launch");
    await ask.getByRole("button", { name: "Send for review" }).click();
    await expect(marketer.getByText("Sent for review.", { exact: false })).toBeVisible();
    await expect(banner.getByRole("link", { name: "Review requested" })).toBeVisible();

    // The admin sees the count, the note and the readable diff, and approves.
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const admin = await adminContext.newPage();
    await signIn(admin, workspace.members.admin.email);
    await admin.getByRole("banner").getByRole("link", { name: "1 publish request to review" }).click();
    await admin.getByRole("link", { name: marketerName }).click();
    await expect(admin.getByRole("heading", { name: `Publish request from ${marketerName}` })).toBeVisible();
    await expect(admin.getByText("New headline for the launch")).toBeVisible();
    await expect(admin.getByRole("list", { name: "Changes in this request" })).toContainText('default content "');
    await expect(admin.getByRole("list", { name: "Changes in this request" })).toContainText("Reviewed launch headline");
    await admin.screenshot({ path: `${screens}/publish-request-review.png`, fullPage: true });
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.screenshot({ path: `${screens}/publish-request-review-390.png`, fullPage: true });
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await admin.setViewportSize({ width: 1440, height: 900 });

    await admin.getByRole("button", { name: "Approve and publish" }).click();
    const approve = await captureAction(admin, () => admin.getByRole("dialog", { name: "Publish v2?" }).getByRole("button", { name: "Publish v2" }).click());
    await expect(admin.getByText("Published v2.", { exact: false })).toBeVisible();
    await expect(admin.getByText("Published as v2 by", { exact: false })).toBeVisible();

    // Live for visitors (the live version is cached per process for a few seconds).
    const visitor = await browser.newPage();
    await expect(async () => {
      await visitor.goto(`/demo-site?workspace=${workspace.slug}`);
      await expect(visitor.locator('[data-tailor-placement="hero"]')).toContainText("Reviewed launch headline", { timeout: 1_500 });
    }).toPass({ timeout: 15_000 });

    // Version history credits the marketer for the change and the admin for publishing it.
    await admin.goto("/personalizations/versions");
    const v2 = admin.getByRole("region", { name: "v2", exact: true });
    await expect(v2).toContainText(new RegExp(`Changes by\\s*${marketerName}`));
    await expect(v2).toContainText(new RegExp(`Published by\\s*${adminName}`));

    // The marketer is told, in Tailor and by email.
    expect((await mailTo(workspace.members.marketer.email, { subject: /live as v2/ })).text).toContain("approved and published as v2");
    await marketer.goto("/notifications");
    await expect(marketer.getByRole("list", { name: "Notifications" })).toContainText("Your publish request is live as v2");

    // Second request, declined with a reason. A marketer cannot approve it with a crafted call.
    await editHero(workspace, "<h1>A headline nobody agreed on</h1>");
    await marketer.goto("/personalizations");
    await banner.getByRole("button", { name: "Request review" }).click();
    await marketer.getByRole("dialog", { name: "Request review" }).getByRole("button", { name: "Send for review" }).click();
    await expect(banner.getByRole("link", { name: "Review requested" })).toBeVisible();
    const { listPublishRequests } = await import("@/lib/publishing/requests");
    const [second] = await listPublishRequests(workspace.id, { status: "pending" });
    const crafted = await callAction(marketer.request, approve, [{ id: second!.id }]);
    expect(crafted.text).toContain('"code":"forbidden"');

    await admin.goto(`/personalizations/requests/${second!.id}`);
    await admin.getByRole("button", { name: "Decline" }).click();
    const decline = admin.getByRole("dialog", { name: "Decline this request" });
    await decline.getByRole("button", { name: "Decline request" }).click();
    await expect(decline.getByText("Say why, so the requester knows what to change.")).toBeVisible();
    await decline.getByLabel("Reason").fill("Legal has not cleared this headline");
    await decline.getByRole("button", { name: "Decline request" }).click();
    await expect(admin.getByText("Declined by", { exact: false })).toBeVisible();

    await marketer.goto("/notifications");
    const notifications = marketer.getByRole("list", { name: "Notifications" });
    await expect(notifications).toContainText("Your publish request was declined");
    await expect(notifications).toContainText("Reason: Legal has not cleared this headline");
    expect((await mailTo(workspace.members.marketer.email, { subject: /declined/ })).text).toContain("Reason: Legal has not cleared this headline");
    await expect(marketer.getByRole("banner").getByRole("button", { name: "Request review" })).toBeVisible(); // can ask again

    for (const context of [marketerContext, adminContext]) await context.close();
    await visitor.close();
  });
});
