import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, tables } from "@/db/client";
import { computeUserHash } from "./hash";
import { ensureIdentitySecret } from "./settings";
import { env } from "@/lib/env";

/**
 * The demo website's stand-in for a customer's server: after "sign-in" (the demo form) it computes
 * the identity hash server-side, as the docs tell customers to. It signs any email for the demo
 * workspace, so it exists only where the demo launcher turns it on (TAILOR_DEMO_SITE_SIGNING=1).
 */
export function demoSigningEnabled(): boolean {
  return env().TAILOR_DEMO_SITE_SIGNING === true;
}

export const demoSignSchema = z.object({
  workspace: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter an email address.")),
});

export async function signDemoIdentity(input: z.output<typeof demoSignSchema>): Promise<{ email: string; userHash: string } | null> {
  const [workspace] = await getDb().select({ id: tables.workspaces.id }).from(tables.workspaces).where(eq(tables.workspaces.slug, input.workspace));
  if (!workspace) return null;
  return { email: input.email, userHash: computeUserHash(await ensureIdentitySecret(workspace.id), input.email) };
}
