import AxeBuilder from "@axe-core/playwright";
import { and, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { callAction, captureAction, expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator } from "./emulator";

// The support debug panel against the e2e Intercom emulator: a workspace of the test's own with
// the demo website (Intercom connected, two personalizations live) and Role → job_role published.
const screens = "test-results/screens";
const GRACE = "b6ada398cf585702b716711a";

async function setUp(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { getDb, tables } = await import("@/db/client");
  const { publishDraft } = await import("@/lib/publishing/versions");
  const { tokens } = await emulator.info();
  await seedDemoWebsite(workspace.slug, tokens.US.full);
  const db = getDb();
  const [owner] = await db
    .select({ userId: tables.memberships.userId })
    .from(tables.memberships)
    .where(and(eq(tables.memberships.workspaceId, workspace.id), eq(tables.memberships.role, "owner")));
  const [group] = await db
    .insert(tables.segmentGroups)
    .values({ workspaceId: workspace.id, key: "role", name: "Role", selection: "single", kind: "categorical", position: 0 })
    .returning();
  await db.insert(tables.segments).values(
    ["Founder", "Marketer", "Developer"].map((name, position) => ({ workspaceId: workspace.id, groupId: group!.id, key: name.toLowerCase(), name, position })),
  );
  await db.insert(tables.fieldMappings).values({
    workspaceId: workspace.id,
    sourceType: "group",
    sourceId: group!.id,
    attributeName: "job_role",
    conversion: "segment_key",
    writePolicy: "overwrite",
    enabled: true,
    position: 0,
  });
  await publishDraft({ workspaceId: workspace.id, userId: owner!.userId });
  return { groupId: group!.id, token: tokens.US.full };
}

async function jobRoleInEmulator(email: string): Promise<unknown> {
  const res = await fetch(`${process.env.E2E_EMULATOR_ORIGIN}/__emulator/contacts?region=US&email=${encodeURIComponent(email)}`);
  const body = (await res.json()) as { data: { custom_attributes: Record<string, unknown> }[] };
  return body.data[0]?.custom_attributes.job_role;
}

async function lookUp(page: Page, query: string) {
  await page.getByLabel("Email or Intercom contact ID").fill(query);
  await page.getByRole("button", { name: "Look up" }).click();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test.describe("support debug panel", () => {
  test("support looks contacts up, reads the trace, writes a verified test value; a marketer is refused", async ({ browser, workspace }) => {
    test.setTimeout(90_000);
    const { groupId, token } = await setUp(workspace);
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await signIn(page, workspace.members.support.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Debug" }).click();
    await expect(page.getByRole("heading", { name: "Debug", level: 1 })).toBeVisible();

    // The input says what it detected; a malformed value is refused before any call.
    const input = page.getByLabel("Email or Intercom contact ID");
    await input.fill("ada@");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByText("That email address isn't valid.")).toBeVisible();
    await input.fill(GRACE);
    await expect(page.getByText("Looks like an Intercom contact ID")).toBeVisible();
    await input.fill("ada@example.com");
    await expect(page.getByText("Looks like an email address")).toBeVisible();
    await page.screenshot({ path: `${screens}/debug-lookup.png`, fullPage: true });

    // Ada: tags, typed attributes, the VIP rule matched on her tag, merge tags rendered for her.
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Intercom tags" })).toContainText("vip");
    await expect(page.getByRole("list", { name: "Intercom tags" })).toContainText("customer");
    const custom = page.getByRole("table", { name: "Custom attributes" });
    await expect(custom.getByRole("row").filter({ hasText: "job_role" })).toContainText("Mapped from Role");
    await expect(custom.getByRole("row").filter({ hasText: "favorite_color" })).toContainText('string"teal"');
    await expect(custom.getByRole("row").filter({ hasText: "seats" })).toContainText("integer");
    const hero = page.getByRole("listitem", { name: "Personalization Homepage hero" });
    await expect(hero).toContainText("Sees variant “VIP customers”");
    await expect(hero.getByRole("list", { name: "Conditions of VIP customers" })).toContainText('has tag vipsaw ["vip","customer"]');
    await expect(hero.getByRole("list", { name: "Merge tags of Homepage hero" })).toContainText("→ Ada Lovelace");
    const response = page.getByRole("region", { name: "Response" });
    await expect(response).toContainText("200");
    await expect(response.getByText("Intercom's response (parsed)")).toBeVisible();
    await expect(response).toContainText('"id": "e89f82de75d4e26d8ff59f50"');
    await page.screenshot({ path: `${screens}/debug-contact-trace.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Several contacts share Sam's email: the user is pre-selected, leads are marked.
    await lookUp(page, "sam@example.com");
    const chooser = page.getByRole("region", { name: "3 Intercom contacts have the email sam@example.com" });
    await expect(chooser.getByRole("radio")).toHaveCount(3);
    await expect(chooser.getByRole("radio", { name: /Sam \(user\)/ })).toBeChecked();
    await expect(chooser.getByText("Lead", { exact: true })).toHaveCount(2);
    await page.screenshot({ path: `${screens}/debug-several-matches.png`, fullPage: true });
    await chooser.getByRole("radio", { name: /Sam \(lead 1\)/ }).check();
    await chooser.getByRole("button", { name: "Open this contact" }).click();
    await expect(page.getByRole("heading", { name: "Sam (lead 1)" })).toBeVisible();

    // Nobody has this email.
    await lookUp(page, "nobody@example.com");
    await expect(page.getByText("No Intercom contact has the email nobody@example.com.")).toBeVisible();

    // Grace: write Founder to job_role through the published mapping, confirm, verified.
    await lookUp(page, "grace@example.com");
    await expect(page.getByRole("heading", { name: "Grace Hopper" })).toBeVisible();
    await expect(page.getByText("Uses the published mappings (version 2)")).toBeVisible();
    await page.getByRole("combobox", { name: "Role" }).selectOption("founder");
    const diff = page.getByRole("form", { name: "Write test values" }).getByRole("table", { name: "Values to write" });
    await expect(diff).toContainText('job_role');
    await expect(diff).toContainText('"developer"');
    await expect(diff).toContainText('"founder"');
    await page.getByRole("button", { name: "Review and write…" }).click();
    const dialog = page.getByRole("dialog", { name: "Write to Intercom now?" });
    const writeAction = await captureAction(page, () => dialog.getByRole("button", { name: "Write 1 value" }).click());
    await expect(page.getByText('Verified: Intercom now has job_role = "founder".')).toBeVisible();
    await expect(page.getByRole("table", { name: "Custom attributes" }).getByRole("row").filter({ hasText: "job_role" })).toContainText('"founder"');
    await expect(page.getByRole("region", { name: "Request" })).toContainText(`PUT /contacts/${GRACE}`);
    await page.screenshot({ path: `${screens}/debug-write-verified.png`, fullPage: true });
    expect(await jobRoleInEmulator("grace@example.com")).toBe("founder");

    // The diagnostic report is JSON and never carries the token.
    await page.getByRole("button", { name: "Copy diagnostic report" }).click();
    await expect(page.getByText("Diagnostic report copied.")).toBeVisible();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(report)).toMatchObject({ kind: "tailor.debug-report", testWrite: { outcome: "verified" } });
    expect(report).not.toContain(token);
    expect(await page.content()).not.toContain(token);

    // A marketer replaying the write action is refused on the server, and nothing changes.
    const marketerContext = await browser.newContext();
    const marketerPage = await marketerContext.newPage();
    await signIn(marketerPage, workspace.members.marketer.email);
    await expect(marketerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Debug" })).toHaveCount(0);
    expect((await marketerPage.goto("/debug"))?.status()).toBe(403);
    const refused = await callAction(marketerPage.request, writeAction, [{ contactId: GRACE, selections: { [groupId]: ["marketer"] } }]);
    expect(refused.text).toContain('"code":"forbidden"');
    expect(await jobRoleInEmulator("grace@example.com")).toBe("founder");
    await marketerContext.close();

    // Put Grace back as she was, the same way.
    await page.getByRole("combobox", { name: "Role" }).selectOption("developer");
    await page.getByRole("button", { name: "Review and write…" }).click();
    await page.getByRole("dialog", { name: "Write to Intercom now?" }).getByRole("button", { name: "Write 1 value" }).click();
    await expect(page.getByText('Verified: Intercom now has job_role = "developer".')).toBeVisible();
    expect(await jobRoleInEmulator("grace@example.com")).toBe("developer");

    // Both writes are in the audit log with who and what.
    const { listAudit } = await import("@/lib/audit");
    const audit = await listAudit(workspace.id, { action: "debug.test_write" });
    expect(audit.map((a) => [a.actorEmail, a.target, a.details?.attributes])).toEqual([
      [workspace.members.support.email, GRACE, { job_role: "developer" }],
      [workspace.members.support.email, GRACE, { job_role: "founder" }],
    ]);
    await context.close();
  });

  test("without Intercom the panel says so and links to Integrations", async ({ page, workspace }) => {
    await signIn(page, workspace.members.support.email);
    await page.goto("/debug");
    await expect(page.getByRole("heading", { name: "Intercom is not connected" })).toBeVisible();
    await page.getByRole("link", { name: "Go to Integrations → Intercom" }).click();
    await expect(page).toHaveURL(/\/integrations\/intercom$/);
  });
});
