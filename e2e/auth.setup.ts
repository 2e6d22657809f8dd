import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD } from "@/db/demo-credentials";
import { demoUsers, storageStateOf } from "./users";

// Signs each seeded role in once and saves the session for the specs.
for (const [role, email] of Object.entries(demoUsers)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await page.context().storageState({ path: storageStateOf(role as keyof typeof demoUsers) });
  });
}
