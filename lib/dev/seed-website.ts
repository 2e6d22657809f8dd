import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { connectIntercom, getConnectionView } from "@/lib/intercom-integration/connection";
import { savePersonalization, listPersonalizations, type PersonalizationSave } from "@/lib/personalizations/personalizations";
import { listVersions, publishDraft } from "@/lib/publishing/versions";
import { getOrCreateSite } from "@/lib/runtime/sites";
import { saveGoal } from "@/lib/analytics/goals";

/** The demo's goal: a click on the page's "Start free trial" link (app/demo-site/page-html.ts). */
export const DEMO_GOAL = { key: "start-trial", name: "Clicked Start free trial", kind: "click", target: "#start-trial" } as const;

// hero and color keep no holdout (the demo's stories show their variants to every match); the trial
// call to action measures its copy against a 10 % holdout on the "start-trial" goal (lib/dev/seed-analytics.ts).
const demoPersonalizations: PersonalizationSave[] = [
  {
    placementKey: "hero",
    name: "Homepage hero",
    defaultHtml: "<h1>Analytics for growing teams</h1><p>Start your 14-day free trial. No credit card needed.</p>",
    variants: [
      {
        id: "demo-vip",
        name: "VIP customers",
        rule: { type: "group", combinator: "and", children: [{ id: "demo-vip-tag", type: "tag", operator: "has", tag: "vip" }] },
        html: "<h1>Welcome back, {{intercom.name | fallback: \"friend\"}}!</h1><p>As a VIP you get early access to every new report.</p>",
      },
    ],
  },
  {
    placementKey: "color",
    name: "Favorite color banner",
    defaultHtml: "<p>Tell us your favorite color and we'll theme your dashboard.</p>",
    variants: [
      {
        id: "demo-color-known",
        name: "Known color",
        rule: {
          type: "group",
          combinator: "and",
          children: [{ id: "demo-color-exists", type: "attribute", attribute: "intercom.favorite_color", operator: "exists" }],
        },
        html: "<p>Your dashboard is themed in <strong>{{intercom.favorite_color | fallback: \"your favorite color\"}}</strong>.</p>",
      },
    ],
  },
  {
    placementKey: "cta",
    name: "Trial call to action",
    defaultHtml: "<p>Ready to see your numbers? Try Acme free for 14 days.</p>",
    variants: [
      {
        id: "demo-offer",
        name: "Limited-time offer",
        rule: { type: "group", combinator: "and", children: [] },
        html: "<p><strong>This week only:</strong> 30 days free instead of 14.</p>",
      },
    ],
    holdoutPercent: 10,
    primaryGoal: DEMO_GOAL.key,
  },
];

async function ownerOf(workspaceId: string) {
  const [owner] = await getDb()
    .select({ userId: tables.memberships.userId })
    .from(tables.memberships)
    .where(and(eq(tables.memberships.workspaceId, workspaceId), eq(tables.memberships.role, "owner")))
    .limit(1);
  return { workspaceId, userId: owner!.userId };
}

/**
 * The demo workspace's website: a site key, two published personalizations and, when the local
 * emulator runs, an Intercom connection, so /demo-site works right after `npm run demo`.
 */
export async function seedDemoWebsite(workspaceSlug: string, intercomToken?: string): Promise<{ siteKey: string }> {
  const [workspace] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, workspaceSlug));
  if (!workspace) throw new Error(`no workspace ${workspaceSlug}`);
  const actor = await ownerOf(workspace.id);
  const site = await getOrCreateSite(workspace.id);
  if ((await listPersonalizations(workspace.id)).length === 0 && (await listVersions(workspace.id, 1)).length === 0) {
    await saveGoal(actor, DEMO_GOAL);
    for (const p of demoPersonalizations) await savePersonalization(actor, p);
    await publishDraft(actor);
  }
  if (intercomToken && (await getConnectionView(workspace.id)).status === "not_connected") {
    await connectIntercom(actor, { token: intercomToken, region: "US" });
  }
  return { siteKey: site.siteKey };
}

/** Points a demo workspace's snippet at `apiBase` (e.g. the runtime server's /api/v1), or back at the app with null. */
export async function setDemoApiBase(workspaceSlug: string, apiBase: string | null): Promise<void> {
  const [workspace] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, workspaceSlug));
  if (!workspace) throw new Error(`no workspace ${workspaceSlug}`);
  await getOrCreateSite(workspace.id);
  await getDb().update(tables.sites).set({ apiBase }).where(eq(tables.sites.workspaceId, workspace.id));
}
