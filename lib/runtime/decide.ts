import { LRUCache } from "lru-cache";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { NotConnectedError, withIntercom } from "@/lib/integrations/connection";
import { IntercomError } from "@/lib/intercom";
import { getLiveConfig } from "@/lib/publishing/versions";
import { toRuleContact } from "@/lib/rules/contact-context";
import { evaluateRule, type EvaluationContext, type RuleContact } from "@/lib/rules/evaluate";
import { renderMergeTags } from "@/lib/rules/merge-tags";
import { contactCache } from "./contact-cache";
import { forgetVisitorState, resolveContact, RUNTIME_INTERCOM_OPTIONS, visitorWithSegments, type VisitorRow } from "./visitors";

export type PlacementDecision = { html: string; variant: string | null };
export type Decision = {
  placements: Record<string, PlacementDecision>;
  identified: boolean;
  /** Present when Intercom data could not be used; the page shows what the rules allow without it. */
  fallback?: { reason: string };
};

export type ContactLookup = { contact: RuleContact | null; fallback?: string };

/** Loads the contact's attributes and tag names through the shared cache (one Intercom read per TTL). */
export async function loadRuleContact(workspaceId: string, contactId: string): Promise<RuleContact> {
  const cached = await contactCache().get(workspaceId, contactId, () =>
    withIntercom(
      workspaceId,
      async (client) => {
        const contact = await client.getContact(contactId);
        const tags = contact.tagCount > 0 ? await client.listContactTags(contactId) : [];
        return { contact, tags, fetchedAt: Date.now() };
      },
      RUNTIME_INTERCOM_OPTIONS,
    ),
  );
  return toRuleContact(cached.contact, cached.tags);
}

// Emails whose lookup just failed or found nobody: don't ask Intercom again on every page view.
const unresolved = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });

async function contactFor(visitor: VisitorRow): Promise<ContactLookup> {
  let contactId = visitor.intercomContactId;
  if (!contactId && visitor.email) {
    const key = `${visitor.workspaceId}\u0000${visitor.email}`;
    if (unresolved.has(key)) return { contact: null, fallback: visitor.linkReason ?? "contact not linked yet" };
    const result = await resolveContact(visitor.workspaceId, { email: visitor.email });
    await getDb()
      .update(tables.visitors)
      .set({ intercomContactId: result.intercomContactId, linkReason: result.reason })
      .where(eq(tables.visitors.id, visitor.id));
    forgetVisitorState(visitor.workspaceId, visitor.anonymousId);
    if (!result.intercomContactId) {
      unresolved.set(key, true);
      return { contact: null, fallback: result.reason };
    }
    contactId = result.intercomContactId;
  }
  if (!contactId) return { contact: null };
  try {
    return { contact: await loadRuleContact(visitor.workspaceId, contactId) };
  } catch (error) {
    if (error instanceof NotConnectedError) return { contact: null, fallback: "Intercom is not connected" };
    if (error instanceof IntercomError) return { contact: null, fallback: `Intercom unavailable (${error.kind})` };
    throw error;
  }
}

/** The content each requested placement shows this visitor, from the published configuration only. */
export async function decide(workspaceId: string, anonymousId: string, placementKeys: string[]): Promise<Decision> {
  const [live, { visitor, segments }] = await Promise.all([getLiveConfig(workspaceId), visitorWithSegments(workspaceId, anonymousId)]);
  const wanted = new Set(placementKeys);
  const personalizations = live.snapshot.personalizations.filter((p) => wanted.size === 0 || wanted.has(p.placementKey));
  const identified = Boolean(visitor.email || visitor.intercomContactId);
  if (personalizations.length === 0) return { placements: {}, identified };

  const noContact: ContactLookup = { contact: null };
  const lookup = identified ? await contactFor(visitor) : noContact;
  const context: EvaluationContext = {
    intercom: lookup.contact ? { available: true, contact: lookup.contact } : { available: false },
    segments,
  };

  const placements: Record<string, PlacementDecision> = {};
  for (const p of personalizations) {
    const variant = p.variants.find((v) => evaluateRule(v.rule, context).matched) ?? null;
    const template = variant ? variant.html : p.defaultHtml;
    placements[p.placementKey] = { html: renderMergeTags(template, context).html, variant: variant?.name ?? null };
  }
  return { placements, identified, ...(lookup.fallback ? { fallback: { reason: lookup.fallback } } : {}) };
}
