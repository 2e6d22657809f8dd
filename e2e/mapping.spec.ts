import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { callAction, captureAction, expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator } from "./emulator";

async function seedSegments(workspace: TestWorkspace) {
  const { seedDemoSegments } = await import("@/db/seed");
  await seedDemoSegments(workspace.id);
}

async function groupRef(workspace: TestWorkspace, key: string) {
  const { getDb, tables } = await import("@/db/client");
  const { and, eq } = await import("drizzle-orm");
  const g = tables.segmentGroups;
  const [row] = await getDb().select({ id: g.id }).from(g).where(and(eq(g.workspaceId, workspace.id), eq(g.key, key)));
  return `group:${row!.id}`;
}

/** Seeds the demo segments, connects Intercom (US) through the UI and opens the field-mapping screen. */
async function openMapping(page: Page, workspace: TestWorkspace) {
  const { tokens } = await emulator.info();
  await seedSegments(workspace);
  await signIn(page, workspace.members.admin.email);
  await page.goto("/integrations/intercom");
  const form = page.getByRole("form", { name: "Connect Intercom" });
  await form.getByLabel("Access token").fill(tokens.US.full);
  await form.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText("Connected to Acme (US) · US", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Edit field mapping →" }).click();
  await expect(page.getByRole("heading", { name: "Field mapping" })).toBeVisible();
  await expect(page.getByText(/Loaded from Intercom/)).toBeVisible();
}

async function addRow(page: Page, source: string): Promise<Locator> {
  await page.getByRole("button", { name: "Add mapping" }).click();
  const row = page.getByRole("listitem", { name: /^Mapping \d+$/ }).last();
  await row.getByLabel("Tailor source").selectOption({ label: source });
  return row;
}

async function pickAttribute(page: Page, row: Locator, search: string, name: string) {
  await row.getByRole("button", { name: "Intercom attribute" }).click();
  await page.getByRole("combobox", { name: "Search Intercom attributes" }).fill(search);
  await page.getByRole("option", { name: new RegExp(`\\b${name}\\b`) }).first().click();
  await expect(row.getByRole("button", { name: "Intercom attribute" })).toContainText(name);
}

test.describe("field mapping", () => {
  test("an admin maps Role to a string attribute, creates tailor_company_size from the app and maps it", async ({ page, workspace }) => {
    await openMapping(page, workspace);
    await expect(page.getByText("No field mappings yet")).toBeVisible();

    const role = await addRow(page, "Role");
    // The picker searches by label and API name and explains what can't be chosen.
    await role.getByRole("button", { name: "Intercom attribute" }).click();
    const search = page.getByRole("combobox", { name: "Search Intercom attributes" });
    await page.screenshot({ path: "test-results/screens/mapping-picker.png", fullPage: true });
    await search.fill("legacy");
    await expect(page.getByRole("option", { name: /legacy_score/ })).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByRole("option", { name: /legacy_score/ })).toContainText("Archived in Intercom");
    await search.fill("health");
    await expect(page.getByRole("option", { name: /health_score/ })).toContainText("doesn't allow writing it through the API");
    await search.press("Escape");
    await pickAttribute(page, role, "job", "job_role");
    await expect(role.getByLabel("Value conversion")).toHaveValue("segment_key");
    await expect(role.getByText(/Preview: answer “Founder” → writes "founder"/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/mapping-role.png", fullPage: true });

    const size = await addRow(page, "Company size");
    await size.getByRole("button", { name: "Create new Intercom field" }).click();
    const fieldName = size.getByLabel("Field name");
    // tailor_company_size on a fresh emulator; a retry against the same emulator gets a free variant.
    await expect(fieldName).toHaveValue(/^tailor_company_size(_\d+)?$/);
    const created = await fieldName.inputValue();
    await expect(size.getByLabel("Type")).toHaveValue("integer");
    await size.getByRole("button", { name: "Create field" }).click();
    await expect(page.getByText(`Created ${created} in Intercom.`)).toBeVisible();
    await expect(size.getByRole("button", { name: "Intercom attribute" })).toContainText(created);
    await expect(size.getByLabel("Value conversion")).toHaveValue("numeric_value");
    await expect(size.getByText(/answer “1-10” → writes 10/)).toBeVisible();

    // Intercom's refusal (duplicate name) is shown on the row.
    const again = await addRow(page, "Company size");
    await again.getByRole("button", { name: "Create new Intercom field" }).click();
    await again.getByLabel("Field name").fill(created.toUpperCase());
    await again.getByRole("button", { name: "Create field" }).click();
    await expect(again.getByText(/already exists in Intercom/).first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/mapping-create-duplicate.png", fullPage: true });
    await again.getByRole("button", { name: /Remove mapping/ }).click();

    await page.getByRole("button", { name: "Save mappings" }).click();
    await expect(page.getByText("Mappings saved to the draft configuration (2).")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("listitem", { name: "Mapping 1" }).getByRole("button", { name: "Intercom attribute" })).toContainText("job_role");
    await expect(page.getByRole("listitem", { name: "Mapping 2" }).getByRole("button", { name: "Intercom attribute" })).toContainText(created);
    await page.screenshot({ path: "test-results/screens/mapping-saved.png", fullPage: true });
  });

  test("a multi-select group onto an integer attribute is refused on the row, also when the UI is bypassed", async ({ page, workspace }) => {
    await openMapping(page, workspace);
    const role = await addRow(page, "Role");
    await pickAttribute(page, role, "job_role", "job_role");
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save mappings" }).click());
    await expect(page.getByText("Mappings saved to the draft configuration (1).")).toBeVisible();

    const interests = await addRow(page, "Interests");
    await pickAttribute(page, interests, "seats", "seats");
    await expect(interests.getByRole("alert")).toContainText("A multi-select group can hold several answers");
    await page.getByRole("button", { name: "Save mappings" }).click();
    await expect(interests.getByRole("alert")).toContainText("Interests can't go into seats (integer)");
    await expect(page.getByText(/Mappings saved/)).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/mapping-row-error.png", fullPage: true });

    // The same mistake sent straight to the server action gets the row's field error.
    const result = await callAction(page.request, save, [
      {
        mappings: [
          { source: await groupRef(workspace, "role"), attribute: "job_role", conversion: "segment_key", separator: ",", writePolicy: "overwrite", enabled: true },
          { source: await groupRef(workspace, "interests"), attribute: "seats", conversion: "joined_keys", separator: ",", writePolicy: "overwrite", enabled: true },
        ],
      },
    ]);
    expect(result.text).toContain('"mappings.1.attribute"');
    expect(result.text).toContain("several answers");
    await page.reload();
    await expect(page.getByRole("listitem", { name: /^Mapping \d+$/ })).toHaveCount(1);
  });

  test("reload after Intercom archives a mapped attribute flags the mapping, and the Integrations card says so", async ({ page, workspace }) => {
    await openMapping(page, workspace);
    const name = `tailor_drift_${randomUUID().slice(0, 8)}`;
    const founder = await addRow(page, "Role → Founder");
    await founder.getByRole("button", { name: "Create new Intercom field" }).click();
    await expect(founder.getByLabel("Type")).toHaveValue("boolean");
    await founder.getByLabel("Field name").fill(name);
    await founder.getByRole("button", { name: "Create field" }).click();
    await expect(founder.getByRole("button", { name: "Intercom attribute" })).toContainText(name);
    await expect(founder.getByText(/answer “Founder” → writes true/)).toBeVisible();
    await page.getByRole("button", { name: "Save mappings" }).click();
    await expect(page.getByText("Mappings saved to the draft configuration (1).")).toBeVisible();

    await emulator.archiveAttribute(name);
    await page.getByRole("button", { name: "Reload attributes" }).click();
    // The worker's scheduled refresh (every 4 s in e2e) may have seen the archive first: then this reload finds 0 new changes.
    await expect(page.getByText(/^Attributes reloaded: \d+ new, [01] archived, 0 restored, 0 removed\./)).toBeVisible();
    await expect(founder.getByText(`Needs attention: ${name} was archived in Intercom.`)).toBeVisible();
    await expect(page.getByText(`1 mapping needs attention: ${name} was archived in Intercom`)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/mapping-drift.png", fullPage: true });

    await page.goto("/integrations");
    await expect(page.getByText(`1 mapping needs attention: ${name} was archived in Intercom`)).toBeVisible();
  });

  test("a marketer sees mappings read-only and the server refuses their save", async ({ browser, page, workspace }) => {
    await openMapping(page, workspace);
    const role = await addRow(page, "Role");
    await pickAttribute(page, role, "job_role", "job_role");
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save mappings" }).click());
    await expect(page.getByText("Mappings saved to the draft configuration (1).")).toBeVisible();

    const marketerContext = await browser.newContext();
    const marketer = await marketerContext.newPage();
    await signIn(marketer, workspace.members.marketer.email);
    await marketer.goto("/integrations/intercom/mapping");
    await expect(marketer.getByText("You can view these mappings. Only an owner or admin can change them.")).toBeVisible();
    const row = marketer.getByRole("listitem", { name: "Mapping 1" });
    await expect(row.getByRole("button", { name: "Intercom attribute" })).toContainText("job_role");
    await expect(row.getByLabel("Tailor source")).toBeDisabled();
    await expect(marketer.getByRole("button", { name: /Save mappings|Add mapping|Reload attributes|Create new Intercom field/ })).toHaveCount(0);
    await marketer.screenshot({ path: "test-results/screens/mapping-marketer-readonly.png", fullPage: true });

    const result = await callAction(marketer.request, save, [{ mappings: [] }]);
    expect(result.text).toContain('"code":"forbidden"');
    await page.reload();
    await expect(page.getByRole("listitem", { name: /^Mapping \d+$/ })).toHaveCount(1);
    await marketerContext.close();
  });

  test("the picker stays fast with 1,200 cached attributes: a window of options, keyboard choice", async ({ page, workspace }) => {
    await openMapping(page, workspace);
    const { getDb, tables } = await import("@/db/client");
    const now = new Date();
    const many = Array.from({ length: 1200 }, (_, i) => ({
      workspaceId: workspace.id,
      name: `bulk_attr_${String(i).padStart(4, "0")}`,
      fullName: `custom_attributes.bulk_attr_${i}`,
      label: `Bulk attribute ${String(i).padStart(4, "0")}`,
      description: "",
      dataType: "string" as const,
      options: null,
      custom: true,
      archived: false,
      apiWritable: true,
      firstSeenAt: now,
      lastSeenAt: now,
    }));
    // These cached attributes are synthetic (not in the emulator): keep the worker's scheduled refresh
    // from reconciling them away ("removed") while the test runs.
    const far = new Date(Date.now() + 3_600_000);
    await getDb()
      .insert(tables.intercomHealth)
      .values({ workspaceId: workspace.id, failures: {}, lastRefreshAt: far, updatedAt: now })
      .onConflictDoUpdate({ target: tables.intercomHealth.workspaceId, set: { lastRefreshAt: far } });
    for (let i = 0; i < many.length; i += 200) await getDb().insert(tables.intercomAttributes).values(many.slice(i, i + 200));
    await page.reload();
    await expect(page.getByText(/^1,2\d\d Intercom contact attributes/)).toBeVisible();

    const role = await addRow(page, "Role");
    await role.getByRole("button", { name: "Intercom attribute" }).click();
    const options = page.getByRole("listbox", { name: "Intercom attributes" }).getByRole("option");
    expect(await options.count()).toBeLessThan(40);
    await expect(options.first()).toHaveAttribute("aria-setsize", /^12\d\d$/);
    const search = page.getByRole("combobox", { name: "Search Intercom attributes" });
    await search.fill("bulk attribute 1150");
    await expect(options).toHaveCount(1);
    await search.press("Enter");
    await expect(role.getByRole("button", { name: "Intercom attribute" })).toContainText("bulk_attr_1150");
  });

  test("without Intercom, the screen says connect first and shows saved mappings as inactive", async ({ page, workspace }) => {
    await seedSegments(workspace);
    await signIn(page, workspace.members.admin.email);
    await page.goto("/integrations/intercom/mapping");
    await expect(page.getByText(/Intercom is not connected\. Connect Intercom first/)).toBeVisible();
  });
});
