import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { seedDemoSegments } from "@/db/seed";
import { listFlows, saveFlow } from "@/lib/flows/flows";
import type { FlowDraft } from "@/lib/flows/schema";
import { reloadAttributes } from "@/lib/intercom-integration/attributes";
import { listMappings, saveMappings } from "@/lib/intercom-integration/mappings";
import { loadMappingSources } from "@/lib/intercom-integration/mapping-sources";
import { publishDraft } from "@/lib/publishing/versions";

const customerTag = { type: "group" as const, combinator: "and" as const, children: [{ id: "welcome-customer-tag", type: "tag" as const, operator: "has" as const, tag: "customer" }] };

/**
 * The demo flow, for identified visitors: ask their role (skipped when Intercom already knows it through the role
 * mapping), then customers (tag "customer") see a welcome back message (branch A) and everyone
 * else a free-trial call to action (branch B).
 */
export const demoFlow: FlowDraft = {
  key: "welcome",
  name: "Welcome",
  enabled: true,
  // Identified visitors only: for them Intercom can tell whether they are customers and their role.
  audience: { type: "group", combinator: "and", children: [{ id: "welcome-identified", type: "attribute", attribute: "intercom.email", operator: "exists" }] },
  steps: [
    { id: "role", type: "question", questionKey: "describes_you", branches: [{ id: "customers", rule: customerTag, next: "customer-welcome" }], defaultNext: "trial" },
    {
      id: "customer-welcome",
      type: "message",
      title: "Welcome back!",
      body: "Thanks for being a customer, {{intercom.name | fallback: \"friend\"}}. Your new reports are ready in the dashboard.",
      buttonLabel: "Continue",
      branches: [],
      defaultNext: "done",
    },
    {
      id: "trial",
      type: "cta",
      title: "Try Acme free for 14 days",
      body: "See how teams like yours use Acme. No credit card needed.",
      buttonLabel: "Start my trial",
      url: "/demo-site?trial=1",
      branches: [],
      defaultNext: "done",
    },
    { id: "done", type: "end", title: "Thanks!", body: "We'll tailor this site to you." },
  ],
};

async function ownerOf(workspaceId: string) {
  const m = tables.memberships;
  const [owner] = await getDb().select({ userId: m.userId }).from(m).where(and(eq(m.workspaceId, workspaceId), eq(m.role, "owner"))).limit(1);
  return { workspaceId, userId: owner!.userId };
}

/**
 * Publishes the demo flow in a workspace connected to Intercom, with the role question mapped to
 * the contact field `roleAttribute` (segment key), so a contact whose field names a role skips it.
 * Does nothing if the workspace already has flows.
 */
export async function seedDemoFlow(workspaceSlug: string, { roleAttribute = "job_role" }: { roleAttribute?: string } = {}): Promise<void> {
  const [workspace] = await getDb().select().from(tables.workspaces).where(eq(tables.workspaces.slug, workspaceSlug));
  if (!workspace) throw new Error(`no workspace ${workspaceSlug}`);
  const actor = await ownerOf(workspace.id);
  if ((await listFlows(workspace.id)).length > 0) return;
  const q = tables.questions;
  const [role] = await getDb().select({ id: q.id }).from(q).where(and(eq(q.workspaceId, workspace.id), eq(q.key, "describes_you")));
  if (!role) await seedDemoSegments(workspace.id);
  if ((await listMappings(workspace.id)).length === 0) {
    await reloadAttributes(actor);
    const source = (await loadMappingSources(workspace.id)).find((s) => s.type === "question" && s.nameBase === "describes_you")!;
    await saveMappings(actor, {
      mappings: [{ source: source.ref, attribute: roleAttribute, conversion: "segment_key", separator: ",", writePolicy: "overwrite", enabled: true }],
    });
  }
  await saveFlow(actor, { flow: demoFlow });
  await publishDraft(actor);
}
