import type { ReactNode } from "react";
import { requireCapability } from "@/lib/auth/guard";

// Checked here, above the list's loading boundary, so a refusal is a real 403 response.
export default async function MembersLayout({ children }: { children: ReactNode }) {
  await requireCapability("members:manage");
  return children;
}
