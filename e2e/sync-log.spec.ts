import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator, refreshIfPostgres, syncIfPostgres, type EmulatorContact } from "./emulator";

// The sync engine as a customer sees it: a visitor answers on the website (public API), the write
// reaches Intercom, and the sync log explains it; a failed write is retried by an owner; support
// reads the log but has no Retry.

/** A website, the demo segments, an Intercom field of the test's own and a published mapping to it. */
async function setUp(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { seedDemoSegments } = await import("@/db/seed");
  const { getDb, tables } = await import("@/db/client");
  const { reloadAttributes } = await import("@/lib/intercom-integration/attributes");
  const { setMappings } = await import("@/lib/sync/test-mappings");
  const { tokens } = await emulator.info();
  const { siteKey } = await seedDemoWebsite(workspace.slug, tokens.US.full);
  await seedDemoSegments(workspace.id);
  const suffix = randomUUID().slice(0, 8);
  const attribute = `e2e_role_${suffix}`;
  const created = await emulator.intercomApi("/data_attributes", tokens.US.full, { method: "POST", body: { name: attribute, model: "contact", data_type: "string" } });
  expect(created.status).toBe(200);
  const email = `visitor-${suffix}@e2e.test`;
  await emulator.createContact(email, { name: "E2E Visitor" });
  const [owner] = await getDb().select().from(tables.users).where(eq(tables.users.email, workspace.members.owner.email));
  const actor = { workspaceId: workspace.id, userId: owner!.id };
  await reloadAttributes(actor);
  await setMappings(actor, [{ source: "“What best describes you?”", attribute, conversion: "segment_key" }]);
  // The customer's server signs the visitor's identity (identity verification is Required by default).
  const { ensureIdentitySecret } = await import("@/lib/identity/settings");
  const { computeUserHash } = await import("@/lib/identity/hash");
  const userHash = computeUserHash(await ensureIdentitySecret(workspace.id), email);
  return { siteKey, attribute, email, userHash, visitorId: `e2e-visitor-${suffix}` };
}

async function intercomContact(email: string): Promise<EmulatorContact> {
  return (await emulator.findContact(email))!;
}

test.describe("sync log", () => {
  test("an answer on the website reaches Intercom and shows in the sync log; a failed write is retried", async ({ page, request, workspace }) => {
    test.setTimeout(90_000);
    const { siteKey, attribute, email, userHash, visitorId } = await setUp(workspace);

    const identified = await request.post("/api/v1/identify", { data: { siteKey, visitorId, email, userHash } });
    expect(identified.ok()).toBe(true);
    expect(await identified.json()).toEqual({ identified: true, verified: true });
    const answered = await request.post("/api/v1/answers", { data: { siteKey, visitorId, question: "describes_you", answers: ["founder"] } });
    expect(answered.ok()).toBe(true);
    await syncIfPostgres();
    await expect.poll(async () => (await intercomContact(email)).custom_attributes[attribute], { timeout: 15_000 }).toBe("founder");

    await signIn(page, workspace.members.owner.email);
    await page.goto("/integrations/intercom");
    await page.getByRole("link", { name: "Open the sync log →" }).click();
    await expect(page.getByRole("heading", { name: "Sync log" })).toBeVisible();
    await page.getByLabel("Contact email or ID").fill(email);
    const row = page.getByTestId("sync-entry").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Done");
    await expect(row).toContainText("Verified identity (signed by your server)");
    await expect(row).toContainText(`${attribute}= "founder"`);
    await expect(row).toContainText("HTTP 200");
    await page.screenshot({ path: "test-results/screens/sync-log-done.png", fullPage: true });

    // Error path: the field is archived in Intercom. The next write either fails with Intercom's reason (sent
    // before the scheduled refresh noticed) or is parked with the drift (noticed first); both recover once fixed.
    await emulator.archiveAttribute(attribute, true);
    await request.post("/api/v1/answers", { data: { siteKey, visitorId, question: "describes_you", answers: ["developer"] } });
    await syncIfPostgres();
    const stuck = page.getByTestId("sync-entry").filter({ hasText: /unknown_attribute|mapping_needs_attention/ });
    await expect(async () => {
      await page.getByRole("button", { name: "Refresh" }).click();
      await expect(stuck).toHaveCount(1, { timeout: 1_500 });
    }).toPass({ timeout: 15_000 });
    const failed = (await stuck.textContent())!.includes("unknown_attribute");
    if (failed) {
      await expect(stuck).toContainText("HTTP 400");
      await expect(stuck).toContainText(`no writable contact attribute named "${attribute}"`);
    } else {
      await expect(stuck).toContainText("Paused");
    }

    // Fixed in Intercom: the owner retries a failed write (which asks for a fresh read of Intercom's fields);
    // a parked write resumes by itself once that read sees the field back.
    await emulator.archiveAttribute(attribute, false);
    if (failed) {
      await stuck.getByRole("button", { name: "Retry" }).click();
      await expect(page.getByText("Queued again.")).toBeVisible();
    }
    await refreshIfPostgres(workspace.id);
    await syncIfPostgres();
    await expect.poll(async () => (await intercomContact(email)).custom_attributes[attribute], { timeout: 30_000 }).toBe("developer");

    // Support reads the same log, without Retry.
    await page.context().clearCookies();
    await signIn(page, workspace.members.support.email);
    await page.goto("/integrations/intercom/sync-log");
    await page.getByLabel("Contact email or ID").fill(email);
    await expect(page.getByTestId("sync-entry").filter({ hasText: email }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  });
});
