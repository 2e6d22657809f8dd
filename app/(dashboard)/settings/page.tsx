import { forbidden, redirect } from "next/navigation";
import { requireCapability } from "@/lib/auth/guard";
import { settingsTabsFor } from "@/lib/nav";

export default async function SettingsPage() {
  const ctx = await requireCapability("settings:read");
  const [first] = settingsTabsFor(ctx.role);
  if (!first) forbidden();
  redirect(first.href);
}
