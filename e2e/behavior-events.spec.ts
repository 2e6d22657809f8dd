import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test, type TestWorkspace } from "./fixtures";
import { emulator, syncIfPostgres } from "./emulator";

// Behaviour back to Intercom on the demo site: the Welcome flow and a pricing page become data
// events (the demo's rules, lib/dev/seed-behavior.ts), and the visit count and first-touch UTM
// source reach contact fields of this test's own. An anonymous visitor's behaviour waits for a
// verified identity.

async function setUp(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { seedDemoFlow } = await import("@/lib/dev/seed-flow");
  const { seedDemoBehavior } = await import("@/lib/dev/seed-behavior");
  const { tokens } = await emulator.info();
  await seedDemoWebsite(workspace.slug, tokens.US.full);
  const suffix = randomUUID().slice(0, 8);
  const roleAttribute = `e2e_ev_role_${suffix}`;
  const created = await emulator.intercomApi("/data_attributes", tokens.US.full, { method: "POST", body: { name: roleAttribute, model: "contact", data_type: "string" } });
  expect(created.status).toBe(200);
  await seedDemoFlow(workspace.slug, { roleAttribute });
  const visitsAttribute = `e2e_visits_${suffix}`;
  const utmAttribute = `e2e_utm_${suffix}`;
  await seedDemoBehavior(workspace.slug, { visitsAttribute, utmAttribute });
  const contact = async (name: string) => {
    const email = `${name}-${suffix}@e2e.test`;
    await emulator.createContact(email, { name });
    return email;
  };
  return { visitsAttribute, utmAttribute, contact };
}

async function identify(page: Page, email: string) {
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Identify me" }).click();
  await expect(page.getByRole("status").first()).toContainText("Identified.");
}

const eventsOf = async (email: string) => (await emulator.events(email)).events;
/** The event names Intercom holds, after the worker drained (on Postgres, here; on SQLite the app's own worker runs). */
const names = async (email: string) => {
  await syncIfPostgres();
  return (await eventsOf(email)).map((e) => e.event_name).sort();
};
const fields = async (email: string) => {
  await syncIfPostgres();
  return (await emulator.findContact(email))?.custom_attributes;
};

test.describe("behaviour events to Intercom", () => {
  // A long story: it seeds a website, a flow, data events and two Intercom fields (two publishes), then waits for the worker.
  test.beforeEach(() => test.setTimeout(90_000));

  test("the Welcome flow and the pricing page become events; visit count and first-touch UTM reach the contact", async ({ page, workspace }) => {
    const { visitsAttribute, utmAttribute, contact } = await setUp(workspace);
    const email = await contact("eve");
    await page.goto(`/demo-site?workspace=${workspace.slug}&utm_source=newsletter&utm_medium=email&utm_campaign=launch`);
    await expect(page.getByRole("status").first()).toContainText("Anonymous.");
    await identify(page, email);

    // Welcome flow, branch B: answer the role, then take the trial offer (the link completes the flow).
    const question = page.getByRole("region", { name: "What best describes you?" });
    await question.getByText("I build the product").click();
    await question.getByRole("button", { name: "Next" }).click();
    const trial = page.getByRole("region", { name: "Try Acme free for 14 days" });
    await trial.getByRole("link", { name: "Start my trial" }).click();
    await expect(page).toHaveURL(/trial=1/);

    // The trial link leads to the default demo workspace's page: come back to this test's site, on its pricing page.
    await page.goto(`/demo-site/pricing?workspace=${workspace.slug}`);
    await expect(page.getByRole("heading", { name: "Pricing" })).toBeVisible();
    await expect(page.getByRole("status").first()).toContainText("Identified.");

    await expect.poll(() => names(email), { timeout: 20_000 }).toEqual(["clicked-trial-cta", "completed-welcome-flow", "viewed-pricing"]);
    const events = await eventsOf(email);
    const byName = Object.fromEntries(events.map((e) => [e.event_name, e]));
    expect(byName["completed-welcome-flow"]!.metadata).toMatchObject({ flow: "Welcome", flow_key: "welcome", step: "Thanks!" });
    expect(byName["clicked-trial-cta"]!.metadata).toMatchObject({ flow: "Welcome", cta_label: "Start my trial", cta_url: "/demo-site?trial=1" });
    expect(byName["viewed-pricing"]!.metadata).toMatchObject({ path: "/demo-site/pricing", title: "Pricing · Acme Analytics (demo website)", visit_count: 1 });
    expect(String(byName["viewed-pricing"]!.metadata.url)).toContain("/demo-site/pricing?workspace=");
    for (const e of events) expect(Math.abs(e.created_at - Date.now() / 1000)).toBeLessThan(120); // the behaviour's own second
    // One visit so far (page views within 30 minutes), first touch from the newsletter link.
    await expect.poll(() => fields(email), { timeout: 20_000 }).toMatchObject({ [visitsAttribute]: 1, [utmAttribute]: "newsletter" });
    expect((await emulator.events(email)).duplicates).toBe(0);
  });

  test("an anonymous visitor's behaviour reaches Intercom only once they are identified", async ({ page, workspace }) => {
    const { visitsAttribute, utmAttribute, contact } = await setUp(workspace);
    const email = await contact("ann");
    await page.goto(`/demo-site/pricing?workspace=${workspace.slug}&utm_source=ads`);
    await expect(page.getByRole("status").first()).toContainText("Anonymous.");
    await page.evaluate(() => (window as unknown as { tailor: { track: (key: string, props: object) => Promise<void> } }).tailor.track("signup_started", { plan: "growth", seats: 5 }));
    const before = Math.floor(Date.now() / 1000);

    await syncIfPostgres();
    // Anonymous: nothing for this contact (the behaviour waits in the outbox).
    await page.waitForTimeout(1_500);
    expect(await eventsOf(email)).toEqual([]);
    expect((await emulator.findContact(email))?.custom_attributes[visitsAttribute]).toBeUndefined();

    await identify(page, email);
    await expect.poll(() => names(email), { timeout: 20_000 }).toEqual(["started-signup", "viewed-pricing"]);
    const events = await eventsOf(email);
    const signup = events.find((e) => e.event_name === "started-signup")!;
    expect(signup.metadata).toEqual({ key: "signup_started", plan: "growth", seats: 5 });
    // Sent in time order, with the time they happened (before the identification).
    expect(events.map((e) => e.event_name)).toEqual(["viewed-pricing", "started-signup"]);
    for (const e of events) expect(e.created_at).toBeLessThanOrEqual(before + 1);
    await expect.poll(() => fields(email), { timeout: 20_000 }).toMatchObject({ [visitsAttribute]: 1, [utmAttribute]: "ads" });
  });
});
