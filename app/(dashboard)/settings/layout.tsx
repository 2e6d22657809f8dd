import type { ReactNode } from "react";
import { requireCapability } from "@/lib/auth/guard";
import { settingsTabsFor } from "@/lib/nav";
import { SettingsTabs } from "./_components/settings-tabs";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const ctx = await requireCapability("settings:read");
  return (
    <>
      <SettingsTabs tabs={settingsTabsFor(ctx.role).map(({ title, href }) => ({ title, href }))} />
      {children}
    </>
  );
}
