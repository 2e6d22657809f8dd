import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { escapeHtml } from "@/lib/rules/merge-tags";
import { getOrCreateSite } from "@/lib/runtime/sites";
import { snippetScriptOrigin } from "@/lib/website/snippet";
import { demoSiteHtml } from "./page-html";

// A stand-in for a customer's marketing site: plain HTML (not React, so the snippet owns the DOM)
// with the snippet installed for the demo workspace. Public, like any website.
export async function demoPage(request: Request, page: "home" | "pricing"): Promise<Response> {
  const slug = new URL(request.url).searchParams.get("workspace") ?? "acme";
  const [workspace] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, slug));
  if (!workspace) return new Response("No such demo workspace.", { status: 404 });
  const site = await getOrCreateSite(workspace.id);
  // With an API base set (Settings → Website), the page loads the snippet from there, as a customer's would.
  const scriptSrc = site.apiBase ? `${snippetScriptOrigin("", site.apiBase)}/tailor.js` : "/tailor.js";
  const html = demoSiteHtml({
    siteKey: escapeHtml(site.siteKey),
    hideMs: site.hideMs,
    workspace: escapeHtml(slug),
    scriptSrc: escapeHtml(scriptSrc),
    api: site.apiBase ? escapeHtml(site.apiBase) : null,
    page,
  });
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
