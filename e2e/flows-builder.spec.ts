import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const screens = "test-results/screens";

async function seriousViolations(page: Page) {
  // Toasts are excluded: axe measures them mid fade-in, at partial opacity.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).exclude("[data-toaster]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

const step = (page: Page, n: number) => page.getByRole("region", { name: new RegExp(`^Step ${n}:`) });

async function save(page: Page) {
  const toast = page.getByText("Saved (draft)", { exact: true });
  await expect(toast).toHaveCount(0); // the previous save's toast has gone, so this one is new
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(toast).toBeVisible();
  await expect(page.getByText("Unsaved edits.")).toHaveCount(0);
}

test.describe("flow builder", () => {
  test("a marketer builds a branching flow, an unreachable step blocks publishing until fixed, support reads it, analytics count visitors", async ({ browser, workspace }) => {
    test.slow(); // three people, a publish and analytics in one story
    const { seedDemoSegments } = await import("@/db/seed");
    await seedDemoSegments(workspace.id);

    const marketerContext = await browser.newContext();
    const page = await marketerContext.newPage();
    await signIn(page, workspace.members.marketer.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
    await expect(page.getByRole("heading", { name: "Flows", exact: true })).toBeVisible();
    await expect(page.getByText("No flows yet")).toBeVisible();
    await page.screenshot({ path: `${screens}/flows-empty.png`, fullPage: true });
    await page.getByRole("link", { name: "New flow" }).click();

    // Create: the key follows the name; a bad key is refused with the schema's message.
    await page.getByLabel("Name", { exact: true }).fill("Onboarding survey");
    await expect(page.getByLabel("Flow key")).toHaveValue("onboarding-survey");
    await page.getByLabel("Flow key").fill("Onboarding Survey");
    await page.getByRole("button", { name: "Create flow" }).click();
    await expect(page.getByText("Use lowercase letters, digits, - and _")).toBeVisible();
    await page.getByLabel("Flow key").fill("onboarding");
    await page.getByLabel("First question").selectOption({ label: "What best describes you? (Role)" });
    await expect(page.getByText("Answers: I run the company, I work in marketing, I build the product")).toBeVisible();
    await page.screenshot({ path: `${screens}/flows-new.png`, fullPage: true });
    await page.getByRole("button", { name: "Create flow" }).click();
    await expect(page).toHaveURL(/\/flows\/(?!new$)[\w-]+$/);
    const editorUrl = page.url();
    await expect(page.getByRole("heading", { name: "Onboarding survey", level: 1 })).toBeVisible();
    await expect(step(page, 1)).toContainText("Step 1: Question");
    await expect(step(page, 1).getByLabel("Question", { exact: true })).toHaveValue("describes_you");
    await expect(step(page, 1).getByRole("list", { name: "Answers to “What best describes you?”" })).toContainText("I build the product");
    await expect(step(page, 2)).toContainText("Step 2: End");
    await expect(page.getByText("No problems: ready to publish.")).toBeVisible();

    // A message step, unlinked at first: validation says it can't be reached.
    await page.getByLabel("New step type").selectOption("message");
    await page.getByRole("button", { name: "Add step" }).click();
    const message = step(page, 3);
    await message.getByLabel("Title").fill("Welcome back");
    await message.getByLabel("Message").fill('Hi {{intercom.name | fallback: "there"}}, good to see you again.');
    const checks = page.getByRole("region", { name: "Checks" });
    await expect(checks).toContainText("Step 3 (Welcome back) can't be reached");
    await expect(message.getByText("1 problem")).toBeVisible();

    // Customers (Intercom tag) go to the message; everyone else to the end. The message then goes to the end too.
    await step(page, 1).getByRole("button", { name: "Add branch to Step 1" }).click();
    const branch = step(page, 1).getByRole("group", { name: "Branch 1" });
    await branch.getByRole("button", { name: "Add condition" }).click();
    await branch.getByLabel("Tag", { exact: true }).fill("customer");
    await branch.getByLabel("Then go to").selectOption({ label: "Step 3 (Welcome back)" });
    await expect(step(page, 1).getByLabel("Otherwise go to")).toHaveValue(/.+/);
    await expect(step(page, 1).getByLabel("Otherwise go to").locator("option:checked")).toHaveText("Step 2 (Thanks!)");
    await message.getByLabel("Then go to").selectOption({ label: "Step 2 (Thanks!)" });
    await expect(page.getByText("No problems: ready to publish.")).toBeVisible();

    // The message becomes step 2: the outline follows.
    await page.getByRole("button", { name: "Move Step 3 up" }).click();
    await expect(step(page, 2)).toContainText("Step 2: Message");
    const outline = page.getByRole("region", { name: "Outline" });
    const start = outline.getByRole("list", { name: "Where Step 1 leads" });
    await expect(start).toContainText("Branch 1: if has tag customer → Step 2 (Welcome back)");
    await expect(start).toContainText("Otherwise → Step 3 (Thanks!)");
    await expect(outline.getByRole("list", { name: "Where Step 2 leads" })).toContainText("Next → Step 3 (Thanks!)");
    await page.getByLabel("On: offered to visitors after publishing").check();
    await save(page);
    await page.screenshot({ path: `${screens}/flow-editor.png`, fullPage: true });
    await outline.screenshot({ path: `${screens}/flow-outline.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // An extra end step nobody links to: a problem, flagged on the card and in the outline, yet the draft saves.
    await page.getByLabel("New step type").selectOption("end");
    await page.getByRole("button", { name: "Add step" }).click();
    await step(page, 4).getByLabel("Closing title").fill("Bye");
    await expect(checks).toContainText("Step 4 (Bye) can't be reached: no step leads to it.");
    await expect(outline.getByText("Can't be reached")).toBeVisible();
    await expect(checks).toContainText("This flow is on: it can't be published until these are fixed.");
    await checks.getByRole("link", { name: /Step 4 \(Bye\) can't be reached/ }).click();
    await expect(step(page, 4).getByRole("heading", { name: /^Step 4: End/ })).toBeFocused();
    await save(page);
    await page.screenshot({ path: `${screens}/flow-editor-problem.png`, fullPage: true });

    // The list shows it with its problem.
    await page.goto("/flows");
    const row = page.getByRole("row").filter({ hasText: "Onboarding survey" });
    await expect(row).toContainText("onboarding");
    await expect(row).toContainText("On");
    await expect(row).toContainText("1 problem");
    await expect(row).toContainText("Not published");
    await expect(row).toContainText(workspace.members.marketer.email);
    await page.screenshot({ path: `${screens}/flows-list.png`, fullPage: true });

    // The owner can't publish while the enabled flow has a problem.
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signIn(owner, workspace.members.owner.email);
    await owner.getByRole("banner").getByRole("button", { name: "Review & publish" }).click();
    const dialog = owner.getByRole("dialog", { name: "Review & publish" });
    await expect(dialog.getByRole("list", { name: "Problems to fix" })).toContainText('Flow "Onboarding survey": Step 4 (Bye) can\'t be reached');
    await expect(dialog.getByRole("button", { name: "Publish v1" })).toBeDisabled();
    await owner.screenshot({ path: `${screens}/flow-publish-blocked.png` });
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // The marketer removes the stray step; the flow is ready.
    await page.goto(editorUrl);
    await page.getByRole("button", { name: "Remove Step 4" }).click();
    await expect(page.getByText("No problems: ready to publish.")).toBeVisible();
    await save(page);
    await page.getByRole("link", { name: "Analytics" }).click();
    await expect(page.getByText("No visitors have seen this flow yet")).toBeVisible();
    await expect(page.getByText("Publish the flow and visit your site")).toBeVisible();

    await owner.reload();
    await owner.getByRole("banner").getByRole("button", { name: "Review & publish" }).click();
    await expect(dialog.getByRole("list", { name: "Problems to fix" })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Publish v1" }).click();
    await expect(owner.getByText("Published v1", { exact: true })).toBeVisible();

    // Support sees the flow but can't change it.
    const supportContext = await browser.newContext();
    const support = await supportContext.newPage();
    await signIn(support, workspace.members.support.email);
    await support.goto("/flows");
    await expect(support.getByRole("link", { name: "New flow" })).toHaveCount(0);
    await expect(support.getByRole("row").filter({ hasText: "Onboarding survey" })).toContainText("Live");
    await support.getByRole("link", { name: "Onboarding survey", exact: true }).click();
    await expect(support.getByText("You can view this flow and its analytics.")).toBeVisible();
    await expect(support.getByLabel("Name", { exact: true })).toBeDisabled();
    await expect(step(support, 2).getByLabel("Title")).toBeDisabled();
    await expect(support.getByRole("button", { name: /Save draft|Delete flow|Add step|Add branch|Remove/ })).toHaveCount(0);
    await expect(support.getByRole("region", { name: "Outline" })).toContainText("Branch 1: if has tag customer");
    await support.screenshot({ path: `${screens}/flow-editor-support.png`, fullPage: true });
    expect((await support.goto("/flows/new"))?.status()).toBe(403);

    // Analytics: the empty state, then numbers once visitors have gone through the published flow.
    await support.goto(`${new URL(editorUrl).pathname}/analytics`);
    await expect(support.getByText("No visitors have seen this flow yet")).toBeVisible();
    const { getDb, tables } = await import("@/db/client");
    const { and, eq } = await import("drizzle-orm");
    const db = getDb();
    const [flowRow] = await db.select().from(tables.flows).where(and(eq(tables.flows.workspaceId, workspace.id), eq(tables.flows.key, "onboarding")));
    const [question, welcome, end] = (flowRow!.steps as { id: string }[]).map((s) => s.id);
    const now = new Date();
    const visitors = await db
      .insert(tables.visitors)
      .values(["a", "b", "c", "d"].map((v) => ({ workspaceId: workspace.id, anonymousId: `flow-e2e-${v}`, lastSeenAt: now })))
      .returning({ id: tables.visitors.id });
    const [a, b, c, d] = visitors.map((v) => v.id);
    const event = (visitorId: string, stepId: string, kind: "view" | "answer" | "continue" | "skip" | "dismiss" | "complete") => ({
      workspaceId: workspace.id,
      flowKey: "onboarding",
      stepId: stepId!,
      visitorId: visitorId!,
      kind,
      createdAt: now,
    });
    await db.insert(tables.flowEvents).values([
      // a: answers, is a customer, reads the message, finishes.
      event(a!, question!, "view"), event(a!, question!, "answer"), event(a!, welcome!, "view"), event(a!, welcome!, "continue"), event(a!, end!, "view"), event(a!, end!, "complete"),
      // b: answers, then closes the widget on the message.
      event(b!, question!, "view"), event(b!, question!, "answer"), event(b!, welcome!, "view"), event(b!, welcome!, "dismiss"),
      // c: sees the question and leaves.
      event(c!, question!, "view"),
      // d: the answer was known, so the question was skipped; sees the end.
      event(d!, question!, "skip"), event(d!, end!, "view"), event(d!, end!, "complete"),
    ]);
    await support.reload();
    const totals = support.getByRole("definition");
    await expect(totals.filter({ hasText: /^4$/ })).toHaveCount(1); // started: a, b, c, d
    await expect(totals.filter({ hasText: /^2$/ })).toHaveCount(1); // completed: a, d
    await expect(totals.filter({ hasText: /^50%$/ })).toHaveCount(1);
    const table = support.getByRole("table", { name: "Per step, distinct visitors, all time" });
    const cells = async (label: string) => (await table.getByRole("row").filter({ hasText: label }).getByRole("cell").allInnerTexts()).slice(1);
    expect(await cells("Step 1 (What best describes you?)")).toEqual(["3", "2", "1", "0", "1 (33%)"]);
    expect(await cells("Step 2 (Welcome back)")).toEqual(["2", "1", "0", "1", "1 (50%)"]);
    expect(await cells("Step 3 (Thanks!)")).toEqual(["2", "0", "0", "0", "0 (0%)"]);
    await support.screenshot({ path: `${screens}/flow-analytics.png`, fullPage: true });
    expect(await seriousViolations(support)).toEqual([]);

    for (const context of [marketerContext, ownerContext, supportContext]) await context.close();
  });
});
