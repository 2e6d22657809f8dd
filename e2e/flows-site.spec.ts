import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator, syncIfPostgres } from "./emulator";

// The flow widget as visitors meet it on the demo site: the published "Welcome" flow (role question
// → customers get a welcome back (branch A), everyone else a trial offer (branch B)), with the role
// question mapped to an Intercom field of this test's own.

async function setUp(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { seedDemoFlow } = await import("@/lib/dev/seed-flow");
  const { tokens } = await emulator.info();
  await seedDemoWebsite(workspace.slug, tokens.US.full);
  const suffix = randomUUID().slice(0, 8);
  const attribute = `e2e_flow_role_${suffix}`;
  const created = await emulator.intercomApi("/data_attributes", tokens.US.full, { method: "POST", body: { name: attribute, model: "contact", data_type: "string" } });
  expect(created.status).toBe(200);
  await seedDemoFlow(workspace.slug, { roleAttribute: attribute });

  /** A contact of this test's own, optionally tagged "customer" and with a role in the mapped field. */
  const contact = async (name: string, { customer = false, role }: { customer?: boolean; role?: string } = {}) => {
    const email = `${name}-${suffix}@e2e.test`;
    const { id } = await emulator.createContact(email, { name, custom_attributes: role ? { [attribute]: role } : {} });
    if (customer) {
      const tags = await emulator.intercomApi("/tags", tokens.US.full);
      const tag = ((await tags.json()).data as { id: string; name: string }[]).find((t) => t.name === "customer")!;
      const tagged = await emulator.intercomApi(`/contacts/${id}/tags`, tokens.US.full, { method: "POST", body: { id: tag.id } });
      expect(tagged.status).toBe(200);
    }
    return email;
  };
  return { attribute, contact };
}

async function contactField(email: string, attribute: string): Promise<unknown> {
  return (await emulator.findContact(email))?.custom_attributes[attribute];
}

async function visitAndIdentify(page: Page, workspace: TestWorkspace, email: string) {
  await page.goto(`/demo-site?workspace=${workspace.slug}`);
  await expect(page.getByRole("status").first()).toContainText("Anonymous.");
  await expect(page.locator(".tailor-flow")).toHaveCount(0); // the flow is for identified visitors
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Identify me" }).click();
}

const widget = (page: Page) => page.locator(".tailor-flow");

test.describe("flows on the demo site", () => {
  test("a customer answers by keyboard, gets branch A, and the answer is written to the mapped Intercom field", async ({ page, workspace }) => {
    const { attribute, contact } = await setUp(workspace);
    const email = await contact("ada", { customer: true });
    await visitAndIdentify(page, workspace, email);

    const question = page.getByRole("region", { name: "What best describes you?" });
    await expect(question).toBeVisible();
    await expect(question.getByRole("group", { name: "What best describes you?" })).toBeVisible();
    const axe = await new AxeBuilder({ page }).include(".tailor-flow").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.screenshot({ path: "test-results/screens/flow-question.png" });

    // Keyboard only: focus the first answer, arrow to the second, Enter submits the form.
    await question.getByRole("radio", { name: "I run the company" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(question.getByRole("radio", { name: "I work in marketing" })).toBeChecked();
    await page.keyboard.press("Enter");

    const welcome = page.getByRole("region", { name: "Welcome back!" });
    await expect(welcome).toContainText("Thanks for being a customer, ada.");
    await expect(page.getByRole("heading", { name: "Welcome back!" })).toBeFocused(); // focus follows the new step
    await expect(widget(page)).toHaveAttribute("data-tailor-flow-step", "customer-welcome");
    await page.screenshot({ path: "test-results/screens/flow-branch-a.png" });

    await welcome.getByRole("button", { name: "Continue" }).press("Enter");
    await expect(page.getByRole("region", { name: "Thanks!" })).toBeVisible();
    await page.getByRole("region", { name: "Thanks!" }).getByRole("button", { name: "Close" }).click();
    await expect(widget(page)).toHaveCount(0);

    await syncIfPostgres();
    await expect.poll(() => contactField(email, attribute), { timeout: 15_000 }).toBe("marketer");

    // Finished: a reload doesn't offer the flow again.
    await page.reload();
    await expect(page.getByRole("status").first()).toContainText("Identified.");
    await expect(widget(page)).toHaveCount(0);

    // The marketer's analytics show the path and the answer given.
    await page.context().clearCookies();
    await signIn(page, workspace.members.marketer.email);
    await page.goto("/flows");
    await page.getByRole("link", { name: "Analytics of Welcome" }).click();
    await expect(page.getByRole("row", { name: /Step 2 \(Welcome back!\)/ })).toContainText("1");
    await expect(page.getByRole("list", { name: "Answers to Step 1 (What best describes you?)" })).toContainText("I work in marketing1 (100%)");
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("list", { name: "Answers to Step 1 (What best describes you?)" })).toContainText("I work in marketing1 (100%)");
    await page.screenshot({ path: "test-results/screens/flow-analytics-live.png", fullPage: true });
  });

  test("a visitor without the customer tag gets branch B; Escape closes the widget for good", async ({ page, workspace }) => {
    const { contact } = await setUp(workspace);
    const email = await contact("bob");
    await visitAndIdentify(page, workspace, email);

    const question = page.getByRole("region", { name: "What best describes you?" });
    await question.getByRole("button", { name: "Next" }).click();
    await expect(question).toContainText("Choose an answer."); // nothing chosen: told, nothing sent
    await question.getByText("I build the product").click();
    await question.getByRole("button", { name: "Next" }).click();

    const trial = page.getByRole("region", { name: "Try Acme free for 14 days" });
    await expect(trial).toContainText("No credit card needed.");
    await expect(trial.getByRole("link", { name: "Start my trial" })).toHaveAttribute("href", "/demo-site?trial=1");
    await page.screenshot({ path: "test-results/screens/flow-branch-b.png" });

    await page.keyboard.press("Escape");
    await expect(widget(page)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("status").first()).toContainText("Identified.");
    await expect(widget(page)).toHaveCount(0);
  });

  test("a contact whose mapped field already holds a role skips the role question", async ({ page, workspace }) => {
    const { attribute, contact } = await setUp(workspace);
    const email = await contact("grace", { role: "developer" });
    await visitAndIdentify(page, workspace, email);

    await expect(page.getByRole("region", { name: "Try Acme free for 14 days" })).toBeVisible();
    await expect(page.getByRole("radio")).toHaveCount(0);
    await page.getByRole("region", { name: "Try Acme free for 14 days" }).getByRole("button", { name: "Not now" }).click();
    await expect(page.getByRole("region", { name: "Thanks!" })).toBeVisible();
    expect(await contactField(email, attribute)).toBe("developer"); // untouched

    // Analytics saw it: the role step skipped for one visitor, the trial step viewed and passed.
    const { getFlowAnalytics } = await import("@/lib/flows/analytics");
    const { demoFlow } = await import("@/lib/dev/seed-flow");
    const stats = await getFlowAnalytics(workspace.id, "welcome", demoFlow.steps);
    expect(stats.steps.find((s) => s.stepId === "role")).toMatchObject({ views: 0, skipped: 1 });
    expect(stats.steps.find((s) => s.stepId === "trial")).toMatchObject({ views: 1, progressed: 1, dropOff: 0 });
    expect(stats.completed).toBe(1);

    // Support's debug panel explains it: where the flow starts for this contact, and why.
    await page.context().clearCookies();
    await signIn(page, workspace.members.support.email);
    await page.goto("/debug");
    await page.getByLabel("Email or Intercom contact ID").fill(email);
    await page.getByRole("button", { name: "Look up" }).click();
    const flow = page.getByRole("listitem", { name: "Flow Welcome" });
    await expect(flow).toContainText("Starts at Step 3 (Try Acme free for 14 days)");
    await expect(flow).toContainText("Skips Step 1 (What best describes you?): the answer is already known.");
    await expect(page.getByText("From this contact's mapped Intercom fields they also see Role: Developer.")).toBeVisible();
  });
});
