import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { escapeHtml } from "@/lib/rules/merge-tags";
import { getOrCreateSite } from "@/lib/runtime/sites";
import { demoSiteHtml } from "./page-html";

// A stand-in for a customer's marketing site: plain HTML (not React, so the snippet owns the DOM)
// with the snippet installed for the demo workspace. Public, like any website.
export async function demoPage(request: Request, page: "home" | "pricing"): Promise<Response> {
  const slug = new URL(request.url).searchParams.get("workspace") ?? "acme";
  const [workspace] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, slug));
  if (!workspace) return new Response("No such demo workspace.", { status: 404 });
  const site = await getOrCreateSite(workspace.id);
  return new Response(demoSiteHtml({ siteKey: escapeHtml(site.siteKey), hideMs: site.hideMs, workspace: escapeHtml(slug), page }), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
