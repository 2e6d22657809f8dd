import { existsSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { callAction, captureAction, expect, signIn, test, type TestWorkspace } from "./fixtures";
import { emulator, syncIfPostgres } from "./emulator";

// Issue 14, replayed as an attacker with nothing but the public site key, and as the customer who
// turns identity verification on: unverified claims change and reveal nothing, answers never reach
// a claimed contact, merge tags can't inject script, and the secret never leaves the server.

async function actorOf(workspace: TestWorkspace) {
  const { getDb, tables } = await import("@/db/client");
  const [owner] = await getDb().select().from(tables.users).where(eq(tables.users.email, workspace.members.owner.email));
  return { workspaceId: workspace.id, userId: owner!.id };
}

/** The demo website for the test's workspace, its segments and a published mapping role → an attribute of the test's own. */
async function setUp(workspace: TestWorkspace) {
  const { seedDemoWebsite } = await import("@/lib/dev/seed-website");
  const { seedDemoSegments } = await import("@/db/seed");
  const { reloadAttributes } = await import("@/lib/intercom-integration/attributes");
  const { setMappings } = await import("@/lib/sync/test-mappings");
  const { tokens } = await emulator.info();
  const { siteKey } = await seedDemoWebsite(workspace.slug, tokens.US.full);
  await seedDemoSegments(workspace.id);
  const suffix = randomUUID().slice(0, 8);
  const attribute = `e2e_role_${suffix}`;
  expect((await emulator.intercomApi("/data_attributes", tokens.US.full, { method: "POST", body: { name: attribute, model: "contact", data_type: "string" } })).status).toBe(200);
  const email = `grace-${suffix}@e2e.test`;
  await emulator.createContact(email, { name: "Grace Victim", custom_attributes: { [attribute]: "engineer" } });
  const actor = await actorOf(workspace);
  await reloadAttributes(actor);
  await setMappings(actor, [{ source: "“What best describes you?”", attribute, conversion: "segment_key" }]);
  return { siteKey, attribute, email, suffix, actor };
}

async function jobsOf(workspaceId: string) {
  const { getDb, tables } = await import("@/db/client");
  return getDb().select().from(tables.syncJobs).where(eq(tables.syncJobs.workspaceId, workspaceId));
}

test.describe("identity verification (Required by default)", () => {
  test("an attacker's unverified identify changes nothing, reveals nothing, and never writes to the claimed contact", async ({ request, baseURL, workspace }) => {
    const { siteKey, attribute, email, suffix } = await setUp(workspace);
    const headers = { Origin: baseURL! };
    const post = (path: string, data: Record<string, unknown>) => request.post(`/api/v1/${path}`, { data, headers });
    const attacker = `attacker-${suffix}`;

    // Enumeration: an existing and a made-up email get byte-identical answers.
    const existing = await post("identify", { siteKey, visitorId: attacker, email });
    const missing = await post("identify", { siteKey, visitorId: `prober-${suffix}`, email: `nobody-${suffix}@e2e.test` });
    expect(existing.status()).toBe(200);
    expect(missing.status()).toBe(existing.status());
    expect(await missing.text()).toBe(await existing.text());
    expect(await existing.json()).toEqual({ identified: false, verified: false });
    // A forged hash is no better.
    const forged = await post("identify", { siteKey, visitorId: attacker, email, userHash: "0".repeat(64) });
    expect(await forged.json()).toEqual({ identified: false, verified: false });

    // Nothing about the contact reaches the attacker's decisions.
    const decision = await (await post("decide", { siteKey, visitorId: attacker, placements: ["hero", "color"] })).json();
    expect(decision.identified).toBe(false);
    expect(decision.placements.hero.variant).toBeNull();
    expect(JSON.stringify(decision)).not.toContain("Grace");

    // The attacker answers (before and after claiming): the victim's field stays as it was.
    expect((await post("answers", { siteKey, visitorId: attacker, question: "describes_you", answers: ["founder"] })).ok()).toBe(true);
    await post("identify", { siteKey, visitorId: attacker, email });
    expect((await post("answers", { siteKey, visitorId: attacker, question: "describes_you", answers: ["developer"] })).ok()).toBe(true);
    await syncIfPostgres();
    await expect.poll(async () => (await jobsOf(workspace.id)).map((j) => j.status), { timeout: 10_000 }).toEqual(["waiting_identification"]);
    const [job] = await jobsOf(workspace.id);
    expect(job).toMatchObject({ contactId: null, contactEmail: null });
    expect((await emulator.findContact(email))!.custom_attributes[attribute]).toBe("engineer");
  });

  test("the demo site signs identities server-side: a verified visitor is personalized and their answer is written", async ({ page, workspace }) => {
    const { attribute, email } = await setUp(workspace);
    await page.goto(`/demo-site?workspace=${workspace.slug}`);
    await page.getByLabel("Your email").fill("ada@example.com");
    await page.getByRole("button", { name: "Identify me" }).click();
    await expect(page.getByRole("status")).toContainText("Identified.");
    await expect(page.locator('[data-tailor-placement="hero"]')).toContainText("Welcome back, Ada Lovelace!");
    const html = await page.content();
    const { identityForRuntime } = await import("@/lib/identity/settings");
    expect(html).not.toContain((await identityForRuntime(workspace.id)).secret!);

    // A signed link identifies too (and its parameters leave the address bar).
    const { computeUserHash } = await import("@/lib/identity/hash");
    const hash = computeUserHash((await identityForRuntime(workspace.id)).secret!, email);
    await page.context().clearCookies();
    await page.goto(`/demo-site?workspace=${workspace.slug}&tailor_email=${encodeURIComponent(email)}&tailor_hash=${hash}`);
    await expect(page.getByRole("status")).toContainText("Identified.");
    await expect(page).toHaveURL(new RegExp(`/demo-site\\?workspace=${workspace.slug}$`));
    await page.evaluate(() => (window as unknown as { tailor: { answer(q: string, a: string): Promise<void> } }).tailor.answer("describes_you", "founder"));
    await syncIfPostgres();
    await expect.poll(async () => (await emulator.findContact(email))!.custom_attributes[attribute], { timeout: 15_000 }).toBe("founder");
    await expect.poll(async () => (await jobsOf(workspace.id)).map((j) => [j.status, j.identifiedBy]), { timeout: 15_000 }).toEqual([["done", "verified"]]);
  });

  test("an admin generates the secret once, rotates it, and sees the policies explained; Off is warned about", async ({ page, workspace }) => {
    const seen: string[] = [];
    page.on("response", async (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (/html|json|x-component|text/.test(type)) seen.push(await response.text().catch(() => ""));
    });
    await signIn(page, workspace.members.admin.email);
    await page.goto("/settings/website");
    await expect(page.getByText("No secret yet")).toBeVisible();
    await expect(page.getByRole("radio", { name: /Required \(recommended\)/ })).toBeChecked();
    await page.getByRole("button", { name: "Generate secret" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Generate secret" }).click();
    const shown = page.getByTestId("new-identity-secret");
    await expect(shown).toHaveText(/^tis_[A-Za-z0-9_-]{43}$/);
    const first = (await shown.textContent())!;
    await page.screenshot({ path: "test-results/screens/identity-secret-shown.png", fullPage: true });
    await page.getByRole("button", { name: "I've stored it" }).click();

    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
    const second = (await shown.textContent())!;
    expect(second).not.toBe(first);
    await page.reload();
    await expect(page.getByText(/A secret is set/)).toBeVisible();
    expect(await page.content()).not.toContain(second);

    // The secret was in the rotate action's answer only: never in a page, an RSC payload, the log or the database file.
    for (const secret of [first, second]) {
      expect(seen.filter((body) => body.includes(secret)).length).toBeLessThanOrEqual(1);
      expect(readFileSync("data/e2e/app.log", "utf8").includes(secret)).toBe(false);
      for (const file of ["data/e2e/tailor.db", "data/e2e/tailor.db-wal"]) {
        if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
      }
    }

    await page.getByRole("radio", { name: /Off \(not recommended\)/ }).check();
    await expect(page.getByText(/anyone who knows a customer's email can see their personalization/)).toBeVisible();
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Identity verification policy saved.")).toBeVisible();
    await page.goto("/overview");
    await expect(page.getByText(/Identity verification is off for your website/)).toBeVisible();
    await page.getByRole("link", { name: "Turn it on in Website settings" }).click();
    await page.getByRole("radio", { name: /Required \(recommended\)/ }).check();
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Identity verification policy saved.")).toBeVisible();
    await page.goto("/overview");
    await expect(page.getByText(/Identity verification is off/)).toHaveCount(0);
  });
});

test.describe("identity settings are checked on the server", () => {
  test("support replaying the rotate and policy actions is refused, and the policy stays Required", async ({ browser, workspace }) => {
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, workspace.members.admin.email);
    await adminPage.goto("/settings/website");
    await adminPage.getByRole("button", { name: "Generate secret" }).click();
    const rotate = await captureAction(adminPage, () => adminPage.getByRole("dialog").getByRole("button", { name: "Generate secret" }).click());
    await expect(adminPage.getByTestId("new-identity-secret")).toBeVisible();
    await adminPage.getByRole("radio", { name: /Verified for writes/ }).check();
    const policy = await captureAction(adminPage, () => adminPage.getByRole("button", { name: "Save policy" }).click());
    await expect(adminPage.getByText("Identity verification policy saved.")).toBeVisible();

    const supportContext = await browser.newContext();
    const supportPage = await supportContext.newPage();
    await signIn(supportPage, workspace.members.support.email);
    const rotated = await callAction(supportPage.request, rotate, [{ confirm: true }]);
    expect(rotated.text).toContain('"code":"forbidden"');
    expect(rotated.text).not.toMatch(/tis_[A-Za-z0-9_-]{43}/);
    const changed = await callAction(supportPage.request, policy, [{ policy: "off" }]);
    expect(changed.text).toContain('"code":"forbidden"');
    const { getIdentitySettings } = await import("@/lib/identity/settings");
    expect((await getIdentitySettings(workspace.id)).policy).toBe("verified_for_writes");
    await adminContext.close();
    await supportContext.close();
  });
});

test.describe("merge tags cannot inject code", () => {
  async function failOnDialog(page: Page) {
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      // The story leaves the editor with refused (unsaved) content on purpose: the browser's leave prompt is accepted.
      if (d.type() === "beforeunload") return d.accept();
      dialogs.push(d.message());
      await d.dismiss();
    });
    return dialogs;
  }

  test("unsafe places are refused at save; URL and attribute values are neutralised at render; no dialog fires", async ({ page, workspace }) => {
    const dialogs = await failOnDialog(page);
    await setUp(workspace);
    const suffix = randomUUID().slice(0, 8);
    const victim = `mallory-${suffix}@e2e.test`;
    await emulator.createContact(victim, {
      name: "Mallory",
      custom_attributes: { favorite_color: "javascript:alert(document.domain)", job_role: "x onmouseover=alert(3)" },
    });

    // The editor refuses an unquoted attribute and an event handler, naming the place.
    await signIn(page, workspace.members.admin.email);
    await page.goto("/personalizations");
    await page.getByRole("link", { name: "Homepage hero" }).first().click();
    const field = page.getByLabel("Default content", { exact: true });
    await field.fill('<h1 title={{intercom.job_role}}>Hi</h1>');
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText(/Merge tag \{\{intercom\.job_role\}\} is in the title attribute of <h1>, which isn't quoted/).first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/merge-tag-refused.png", fullPage: true });
    await field.fill('<h1 onmouseover="{{intercom.job_role}}">Hi</h1>');
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText(/event handlers can't hold merge tags/).first()).toBeVisible();

    // Safe places, published: a merge tag in href and in a quoted title.
    const { listPersonalizations, savePersonalization } = await import("@/lib/personalizations/personalizations");
    const { publishDraft } = await import("@/lib/publishing/versions");
    const actor = await actorOf(workspace);
    const hero = (await listPersonalizations(workspace.id)).find((p) => p.placementKey === "hero")!;
    await savePersonalization(actor, {
      ...hero,
      variants: [],
      defaultHtml: `<h1 title="{{intercom.job_role}}">Hello</h1><a id="pick" href="{{intercom.favorite_color | fallback: 'https://example.com/colors'}}">Your color</a>`,
    });
    await publishDraft(actor);

    const { computeUserHash } = await import("@/lib/identity/hash");
    const { ensureIdentitySecret } = await import("@/lib/identity/settings");
    const hash = computeUserHash(await ensureIdentitySecret(workspace.id), victim);
    const link = page.locator("#pick");
    // Published from this test's process: the app sees it once its live-config cache (5 s) lapses,
    // and the list page above has just filled that cache, so load the page until the new version shows.
    await expect(async () => {
      await page.goto(`/demo-site?workspace=${workspace.slug}&tailor_email=${encodeURIComponent(victim)}&tailor_hash=${hash}`);
      await expect(link).toHaveAttribute("href", "https://example.com/colors", { timeout: 1_500 });
    }).toPass({ timeout: 15_000 });
    await expect(page.locator('[data-tailor-placement="hero"] h1')).toHaveAttribute("title", "x onmouseover=alert(3)");
    await page.locator('[data-tailor-placement="hero"] h1').hover();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
