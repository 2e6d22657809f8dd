import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getPersonalization } from "@/lib/personalizations/personalizations";

// Checked here, above the editor's loading boundary, so an unknown id (or one from another
// workspace) is a real 404 response rather than a streamed 200.
export default async function PersonalizationLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const ctx = await requireCapability("personalizations:read");
  const { id } = await params;
  await getPersonalization(ctx.workspaceId, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return children;
}
