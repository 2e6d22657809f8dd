import { randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Page, type Request } from "@playwright/test";
import type { Role } from "@/lib/auth/permissions";

export { expect };

export const TEST_PASSWORD = "e2e-password-123";

export type TestWorkspace = {
  id: string;
  slug: string;
  name: string;
  members: Record<Role, { email: string; membershipId: string }>;
};

/** A workspace of its own for one test, written straight to the app's database (never via the UI). */
export async function createTestWorkspace(): Promise<TestWorkspace> {
  const { getDb, tables } = await import("@/db/client");
  const { hashPassword } = await import("@/lib/auth/password");
  const suffix = randomUUID().slice(0, 8);
  const db = getDb();
  const [ws] = await db.insert(tables.workspaces).values({ name: `Test ${suffix}`, slug: `test-${suffix}` }).returning();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const members = {} as TestWorkspace["members"];
  for (const role of ["owner", "admin", "marketer", "support"] as const) {
    const email = `${role}-${suffix}@e2e.test`;
    const [user] = await db.insert(tables.users).values({ email, name: `${role[0]!.toUpperCase()}${role.slice(1)} ${suffix}`, passwordHash }).returning();
    const [m] = await db.insert(tables.memberships).values({ workspaceId: ws!.id, userId: user!.id, role }).returning();
    members[role] = { email, membershipId: m!.id };
  }
  return { id: ws!.id, slug: ws!.slug, name: ws!.name, members };
}

/** Fills the sign-in form (without waiting for where it lands). */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
}

export type CapturedAction = { url: string; actionId: string; routerStateTree?: string };

/** Records the server action a UI interaction sends, so a test can replay it with other input or another user. */
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const requestPromise = page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await trigger();
  const request = await requestPromise;
  const headers = request.headers();
  return { url: request.url(), actionId: headers["next-action"]!, routerStateTree: headers["next-router-state-tree"] };
}

/** Calls a server action directly over HTTP, as a crafted request would, and returns the raw response text. */
export async function callAction(request: APIRequestContext, action: CapturedAction, args: unknown[]): Promise<{ status: number; text: string }> {
  const res = await request.post(action.url, {
    headers: {
      "Next-Action": action.actionId,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      ...(action.routerStateTree ? { "Next-Router-State-Tree": action.routerStateTree } : {}),
    },
    data: JSON.stringify(args),
  });
  return { status: res.status(), text: await res.text() };
}

export const test = base.extend<{ workspace: TestWorkspace }>({
  workspace: async ({}, provide) => {
    await provide(await createTestWorkspace());
  },
});
