import type { ReactNode } from "react";
import { requireCapability } from "@/lib/auth/guard";

// Checked here, above the page's loading boundary, so a refusal is a real 403 response.
export default async function WebsiteSettingsLayout({ children }: { children: ReactNode }) {
  await requireCapability("website:manage");
  return children;
}
