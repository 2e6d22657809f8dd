import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/auth/guard";
import { publishRequestExists } from "@/lib/publishing/requests";

// Checked here, above the page's loading boundary, so an unknown id (or one from another workspace)
// is a real 404 response rather than a streamed 200.
export default async function PublishRequestLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const ctx = await requireCapability("personalizations:read");
  const { id } = await params;
  if (!(await publishRequestExists(ctx.workspaceId, id))) notFound();
  return children;
}
