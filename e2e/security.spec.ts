import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, signIn, test } from "./fixtures";

/** Every page under app/(dashboard), as a URL: route groups dropped, dynamic segments a random id. */
function dashboardUrls(): string[] {
  const root = path.join(process.cwd(), "app", "(dashboard)");
  const urls: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue; // private folders hold components, not routes
        const segment = entry.name.startsWith("(") ? null : entry.name.startsWith("[") ? randomUUID() : entry.name;
        walk(path.join(dir, entry.name), segment ? [...segments, segment] : segments);
      } else if (entry.name === "page.tsx") {
        urls.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(root, []);
  return urls;
}

test.describe("security", () => {
  test("every dashboard page sends signed-out visitors (and revoked sessions) to sign-in", async ({ browser, playwright, baseURL, workspace }) => {
    test.setTimeout(90_000); // every dashboard page, twice
    const urls = dashboardUrls();
    expect(urls.length).toBeGreaterThan(15);
    expect(urls).toContain("/settings/members");

    const anonymous = await playwright.request.newContext({ baseURL });
    for (const url of urls) {
      const res = await anonymous.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(307);
      expect(new URL(res.headers()["location"]!, baseURL).pathname, url).toBe("/sign-in");
    }
    await anonymous.dispose();

    // A cookie whose session was signed out passes the optimistic proxy; the page guard still refuses.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, workspace.members.owner.email);
    const cookies = await ctx.cookies();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
    for (const url of urls) {
      const res = await replay.get(url);
      expect(new URL(res.url()).pathname, url).toBe("/sign-in");
    }
    await replay.dispose();
    await ctx.close();
  });

  test("unknown or foreign ids in URLs are a 404", async ({ page, workspace }) => {
    test.setTimeout(60_000);
    await signIn(page, workspace.members.owner.email);
    const dynamic = dashboardUrls().filter((u) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(u));
    expect(dynamic.length).toBeGreaterThan(2);
    for (const url of dynamic) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("dashboard pages carry CSP with a nonce, no framing, nosniff, a referrer policy, HSTS on https", async ({ page, playwright, baseURL, workspace }) => {
    await signIn(page, workspace.members.owner.email);
    const response = await page.goto("/overview");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined(); // plain http here
    // Next put this request's nonce on its scripts, and the page works (it hydrated: the menu opens).
    const html = await response!.text();
    expect(html).toContain(`nonce="${nonce}"`);
    const errors: string[] = [];
    page.on("console", (m) => (m.type() === "error" && /Content Security Policy/i.test(m.text()) ? errors.push(m.text()) : undefined));
    await page.goto("/settings/members");
    await page.getByRole("button", { name: "Invite member" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(errors).toEqual([]);

    const api = await playwright.request.newContext({ baseURL });
    const https = await api.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toContain("max-age=");
    // The public snippet API and the snippet are not dashboard pages: no CSP, still nosniff.
    const snippet = await api.get("/tailor.js");
    expect(snippet.headers()["content-security-policy"]).toBeUndefined();
    expect(snippet.headers()["x-content-type-options"]).toBe("nosniff");
    const decide = await api.post("/api/v1/decide", { data: {} });
    expect(decide.status()).toBeLessThan(500);
    expect(decide.headers()["content-security-policy"]).toBeUndefined();
    await api.dispose();
  });

  test("the data folder the demo created is private: folder 0700, files 0600", async () => {
    const dir = path.join(process.cwd(), "data", "e2e");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toContain("app.log");
    if (process.env.E2E_DIALECT !== "postgres") expect(files).toContain("tailor.db");
    for (const name of files) {
      const st = statSync(path.join(dir, name));
      expect(st.mode & 0o777, name).toBe(st.isDirectory() ? 0o700 : 0o600);
    }
  });
});
