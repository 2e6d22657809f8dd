import { expect, signIn, test } from "./fixtures";

test.describe("segments", () => {
  test("a marketer creates, edits, reorders and deletes groups and questions; deleting a used group asks first", async ({ page, workspace }) => {
    await signIn(page, workspace.members.marketer.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
    await expect(page.getByRole("heading", { name: "Segments", exact: true })).toBeVisible();
    await expect(page.getByText("No segment groups yet")).toBeVisible();

    // Create "Plan" (keys come from the names).
    await page.getByRole("button", { name: "New group" }).click();
    let dialog = page.getByRole("dialog", { name: "New segment group" });
    await dialog.getByLabel("Name", { exact: true }).fill("Plan");
    await expect(dialog.getByLabel("Key", { exact: true })).toHaveValue("plan");
    await dialog.getByLabel("Segment 1 name").fill("Free");
    await dialog.getByLabel("Segment 2 name").fill("Pro plan");
    await expect(dialog.getByLabel("Segment 2 key")).toHaveValue("pro_plan");
    await dialog.getByRole("button", { name: "Save group" }).click();
    await expect(page.getByText("Saved “Plan”.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Plan/ })).toBeVisible();

    // A second group with the same key is refused on the key field.
    await page.getByRole("button", { name: "New group" }).click();
    dialog = page.getByRole("dialog", { name: "New segment group" });
    await dialog.getByLabel("Name", { exact: true }).fill("Plan");
    await dialog.getByLabel("Segment 1 name").fill("A");
    await dialog.getByLabel("Segment 2 name").fill("B");
    await dialog.getByRole("button", { name: "Save group" }).click();
    await expect(dialog.getByText("Another group already uses this key.")).toBeVisible();
    await dialog.getByLabel("Name", { exact: true }).fill("Team size");
    await dialog.getByLabel("Kind").selectOption("numeric_bucket");
    await dialog.getByLabel("Segment 1 number").fill("10");
    await dialog.getByRole("button", { name: "Save group" }).click();
    await expect(dialog.getByText("Enter the number written for this bucket.")).toBeVisible();
    await dialog.getByLabel("Segment 2 number").fill("50");
    await dialog.getByRole("button", { name: "Save group" }).click();
    await expect(page.getByText("Saved “Team size”.")).toBeVisible();

    // Reorder: Team size moves above Plan.
    await page.getByRole("button", { name: "Move Team size up" }).click();
    await expect(page.getByRole("heading", { level: 3 }).first()).toContainText("Team size");

    // Rename keeps the key.
    await page.getByRole("button", { name: "Edit Plan" }).click();
    dialog = page.getByRole("dialog", { name: "Edit “Plan”" });
    await expect(dialog.getByLabel("Key", { exact: true })).toHaveAttribute("readonly", "");
    await dialog.getByLabel("Name", { exact: true }).fill("Pricing plan");
    await dialog.getByRole("button", { name: "Save group" }).click();
    await expect(page.getByRole("heading", { name: /^Pricing plan\s*plan$/ })).toBeVisible();

    // A question that uses the group.
    await page.getByRole("button", { name: "New question" }).click();
    dialog = page.getByRole("dialog", { name: "New question" });
    await dialog.getByLabel("Question", { exact: true }).fill("Which plan are you on?");
    await dialog.getByLabel("Assigns segments of").selectOption({ label: "Pricing plan" });
    await dialog.getByLabel("Answer 1", { exact: true }).fill("The free one");
    await dialog.getByRole("button", { name: "Save question" }).click();
    await expect(page.getByText("“The free one” → Free")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/segments.png", fullPage: true });

    // Deleting the used group says where it is used, then deletes it with its question.
    await page.getByRole("button", { name: "Delete Pricing plan" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete “Pricing plan”?" });
    await expect(confirm.getByText("Question “Which plan are you on?”")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/segments-delete-confirm.png", fullPage: true });
    await confirm.getByRole("button", { name: "Delete group" }).click();
    await expect(page.getByText("Deleted “Pricing plan”.")).toBeVisible();
    await expect(page.getByText("No questions yet")).toBeVisible();
    await expect(page.getByRole("heading", { level: 3 })).toHaveText([/Team size/]);
  });

  test("support sees segments read-only", async ({ page, workspace }) => {
    const { seedDemoSegments } = await import("@/db/seed");
    await seedDemoSegments(workspace.id);
    await signIn(page, workspace.members.support.email);
    await page.goto("/segments");
    await expect(page.getByRole("heading", { name: /^Role/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "What best describes you?" })).toBeVisible();
    await expect(page.getByText("You can view segments.")).toBeVisible();
    await expect(page.getByRole("button", { name: /New group|New question|Delete|Edit/ })).toHaveCount(0);
  });
});
