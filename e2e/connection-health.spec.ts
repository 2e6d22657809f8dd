import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator, refreshIfPostgres } from "./emulator";

// An Intercom connection you can leave running: workspace pinning, read-only tokens, drift found by
// the scheduled refresh (shortened to a few seconds in e2e) and recovery after a 401 period.

/** Demo segments, a connection with the given token, an Intercom field of the test's own and a published mapping to it. */
async function setUp(workspace: TestWorkspace, token?: string) {
  const { seedDemoSegments } = await import("@/db/seed");
  const { getDb, tables } = await import("@/db/client");
  const { connectIntercom } = await import("@/lib/intercom-integration/connection");
  const { reloadAttributes } = await import("@/lib/intercom-integration/attributes");
  const { setMappings } = await import("@/lib/sync/test-mappings");
  const { tokens } = await emulator.info();
  await seedDemoSegments(workspace.id);
  const attribute = `e2e_conn_${randomUUID().slice(0, 8)}`;
  const created = await emulator.intercomApi("/data_attributes", tokens.US.full, { method: "POST", body: { name: attribute, model: "contact", data_type: "string" } });
  expect(created.status).toBe(200);
  const [owner] = await getDb().select().from(tables.users).where(eq(tables.users.email, workspace.members.owner.email));
  const actor = { workspaceId: workspace.id, userId: owner!.id };
  await connectIntercom(actor, { token: token ?? tokens.US.full, region: "US" });
  await reloadAttributes(actor);
  await setMappings(actor, [{ source: "“What best describes you?”", attribute, conversion: "segment_key" }]);
  return { attribute, actor };
}

const health = (page: Page) => page.getByTestId("connection-health");

test.describe("Intercom connection health", () => {
  // Each story waits for the worker's scheduled refresh (4 s in e2e) once or twice.
  test.describe.configure({ timeout: 120_000 });
  test("replacing the token with another workspace's asks first, lists the effects, and flags mappings", async ({ page, workspace }) => {
    const { attribute } = await setUp(workspace);
    const { tokens } = await emulator.info();
    await signIn(page, workspace.members.owner.email);
    await page.goto("/integrations/intercom");
    await expect(health(page)).toHaveText("Connected to Acme (US) · US");

    await page.getByRole("button", { name: "Replace token" }).click();
    const dialog = page.getByRole("dialog", { name: "Replace the access token" });
    await dialog.getByLabel("Access token").fill(tokens.EU.full);
    await dialog.getByLabel("Region").selectOption("EU");
    await dialog.getByRole("button", { name: "Verify and replace" }).click();

    const confirm = page.getByRole("alertdialog", { name: "Switch to another Intercom workspace?" });
    await expect(confirm).toBeVisible();
    const effects = confirm.getByRole("list", { name: "What changes" });
    await expect(effects).toContainText(`1 field mapping points at attributes of Acme (US) (${attribute}) that may not exist in Acme (EU)`);
    await expect(effects).toContainText("pending writes to Acme (US) contacts will be cancelled");
    await expect(effects).toContainText("cached contacts and attributes of Acme (US) are dropped");
    await page.screenshot({ path: "test-results/screens/connection-switch-confirm.png", fullPage: true });

    // Keeping the current workspace changes nothing.
    await confirm.getByRole("button", { name: "Keep Acme (US)" }).click();
    await expect(confirm).toBeHidden();
    await dialog.getByRole("button", { name: "Verify and replace" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Switch to Acme (EU)" }).click();
    await expect(health(page)).toHaveText("Connected to Acme (EU) · EU");
    await expect(page.getByText("1 excluded from syncing")).toBeVisible();

    await page.goto("/integrations/intercom/mapping");
    await expect(page.getByText(`${attribute} is not in the newly connected workspace`).first()).toBeVisible();
    await expect(page.getByText(/deleted in Intercom/)).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/connection-switch-mapping.png", fullPage: true });

    await page.goto("/overview");
    await expect(page.getByText(/switched Intercom from Acme \(US\) to Acme \(EU\)/)).toBeVisible();
  });

  test("a read-only token connects amber, queues nothing, and test writes say why they are off", async ({ page, workspace }) => {
    const { tokens } = await emulator.info();
    const { actor } = await setUp(workspace, tokens.US.readOnly);
    const { getDb, tables } = await import("@/db/client");

    await signIn(page, workspace.members.owner.email);
    await page.goto("/integrations/intercom");
    await expect(health(page)).toHaveText("Connected · read-only: write-back is off");
    await expect(page.getByText(/This token can read contacts but not write them/)).toBeVisible();
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/the token is read-only: write-back is off/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/connection-read-only.png", fullPage: true });

    // An identified visitor answers: nothing is queued for Intercom.
    const { recordAnswer } = await import("@/lib/runtime/answers");
    const contact = await emulator.createContact(`readonly-${randomUUID().slice(0, 8)}@e2e.test`);
    await getDb().insert(tables.visitors).values({ workspaceId: actor.workspaceId, anonymousId: "e2e-readonly", email: contact.email, intercomContactId: contact.id, lastSeenAt: new Date() });
    await recordAnswer(actor.workspaceId, "e2e-readonly", "describes_you", ["founder"]);
    expect(await getDb().select().from(tables.syncJobs).where(eq(tables.syncJobs.workspaceId, actor.workspaceId))).toEqual([]);

    await page.goto("/integrations/intercom/mapping");
    await expect(page.getByText(/Write-back is off: the connected Intercom token is read-only/)).toBeVisible();

    await page.goto("/debug");
    await page.getByLabel("Email or Intercom contact ID").fill(contact.email);
    await page.getByRole("button", { name: "Look up" }).click();
    const form = page.getByRole("form", { name: "Write test values" });
    await expect(form.getByText(/Test writes are disabled\. Write-back is off/)).toBeVisible();
    await expect(form.getByRole("button", { name: "Review and write…" })).toBeDisabled();

    const bell = page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
    await expect(bell).toBeVisible();
  });

  test("an archived attribute reaches the bell, blocks publishing, and un-archiving restores it", async ({ page, workspace }) => {
    const { attribute } = await setUp(workspace);
    await signIn(page, workspace.members.owner.email);
    await page.goto("/overview");
    await expect(page.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();

    await emulator.archiveAttribute(attribute);
    // Within one refresh interval (4 s in e2e) the worker finds it.
    await expect
      .poll(
        async () => {
          await refreshIfPostgres(workspace.id);
          await page.reload();
          return page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).count();
        },
        { timeout: 20_000, intervals: [1_000] },
      )
      .toBe(1);
    await page.getByRole("link", { name: /^Notifications, 1 unread$/ }).click();
    await expect(page.getByRole("heading", { name: "A field mapping needs attention" })).toBeVisible();
    await expect(page.getByText(`${attribute} was archived in Intercom`)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/notifications-drift.png", fullPage: true });
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();

    // A draft change, then publish: refused with the list and a link to fix.
    await page.goto("/integrations/intercom/mapping");
    await page.getByLabel("Write policy").first().selectOption({ index: 1 });
    await page.getByRole("button", { name: "Save mappings" }).click();
    await expect(page.getByRole("button", { name: /Review & publish/ })).toBeVisible();
    await page.getByRole("button", { name: /Review & publish/ }).click();
    const publish = page.getByRole("dialog", { name: "Review & publish" });
    await expect(publish.getByRole("list", { name: "Problems to fix" })).toContainText(`${attribute} was archived in Intercom`);
    await expect(publish.getByRole("link", { name: "Fix field mappings →" })).toBeVisible();
    await expect(publish.getByRole("button", { name: /^Publish v/ })).toBeDisabled();
    await page.screenshot({ path: "test-results/screens/publish-refused-drift.png", fullPage: true });
    await page.keyboard.press("Escape");

    await emulator.archiveAttribute(attribute, false);
    await expect
      .poll(
        async () => {
          await refreshIfPostgres(workspace.id);
          await page.goto("/overview");
          // Other tests change the shared emulator's attributes too: the same refresh may list theirs first.
          return page.getByText(new RegExp(`Intercom attributes changed: (.*[ ;,] )?${attribute}(, [^;]*)? restored`)).count();
        },
        { timeout: 20_000, intervals: [1_000] },
      )
      .toBeGreaterThan(0);
    await page.goto("/integrations/intercom/mapping");
    await expect(page.getByText(`${attribute} was archived in Intercom`)).toHaveCount(0);
  });

  test("a 401 period shows Needs attention, then the connection recovers by itself", async ({ page, workspace }) => {
    const token = await emulator.createToken("US");
    await setUp(workspace, token);
    await signIn(page, workspace.members.owner.email);
    await page.goto("/integrations/intercom");
    await expect(health(page)).toHaveText("Connected to Acme (US) · US");

    await emulator.suspendToken(token, 3_000);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/Intercom no longer accepts the saved access token/).first()).toBeVisible();
    await page.reload();
    await expect(health(page)).toHaveText("Needs attention");
    await expect(page.getByText(/recovers by itself if Intercom accepts it again/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/connection-needs-attention.png", fullPage: true });

    await expect
      .poll(
        async () => {
          await refreshIfPostgres(workspace.id);
          await page.reload();
          return health(page).textContent();
        },
        { timeout: 20_000, intervals: [1_000] },
      )
      .toBe("Connected to Acme (US) · US");
    await page.goto("/notifications");
    await expect(page.getByRole("heading", { name: "Intercom connection recovered" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Intercom connection needs attention" })).toBeVisible();
  });
});
