import type { ReactNode } from "react";
import { requireCapability } from "@/lib/auth/guard";
import { settingsTabsFor } from "@/lib/nav";
import { TabBar } from "@/components/tab-bar";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const ctx = await requireCapability("settings:read");
  return (
    <>
      <TabBar label="Settings" tabs={settingsTabsFor(ctx.role).map(({ title, href }) => ({ title, href }))} />
      {children}
    </>
  );
}
