import { LRUCache } from "lru-cache";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { NotConnectedError, withIntercom } from "@/lib/intercom-integration/connection";
import { IntercomError } from "@/lib/intercom";
import { toRuleContact } from "@/lib/rules/contact-context";
import type { RuleContact } from "@/lib/rules/evaluate";
import { cachedIdentityForRuntime, identityForRuntime } from "@/lib/identity/settings";
import { contactTrust } from "@/lib/identity/trust";
import type { EvaluationContext } from "@/lib/rules/evaluate";
import { contactCache } from "@/lib/intercom-integration/contact-cache";
import { withTagNames } from "./contact-read";
import { forgetVisitorState, resolveContact, RUNTIME_INTERCOM_OPTIONS, type VisitorRow } from "./visitors";

// The Intercom contact behind a visitor, for rules and merge tags at request time.

export type ContactLookup = { contact: RuleContact | null; fallback?: string };

/**
 * Loads the contact's attributes and tag names through the shared cache: one Intercom read per
 * contact per TTL (tag names come from the workspace's tag catalogue), none after identification.
 */
export async function loadRuleContact(workspaceId: string, contactId: string): Promise<RuleContact> {
  const cached = await contactCache().get(workspaceId, contactId, () =>
    withIntercom(
      workspaceId,
      async (client) => withTagNames(workspaceId, client, await client.getContact(contactId)),
      RUNTIME_INTERCOM_OPTIONS,
    ),
  );
  // Converted once per cached entry, not on every page view (rules and merge tags only read it).
  let rule = ruleContacts.get(cached);
  if (!rule) ruleContacts.set(cached, (rule = toRuleContact(cached.contact, cached.tags)));
  return rule;
}
const ruleContacts = new WeakMap<object, RuleContact>();

// Emails whose lookup just failed or found nobody: don't ask Intercom again on every page view.
const unresolved = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });

/** The visitor's contact (linking by email on first need); null with a reason when Intercom can't tell. */
export async function contactFor(visitor: VisitorRow): Promise<ContactLookup> {
  let contactId = visitor.intercomContactId;
  if (!contactId && visitor.email) {
    const key = `${visitor.workspaceId}\u0000${visitor.email}`;
    if (unresolved.has(key)) return { contact: null, fallback: visitor.linkReason ?? "contact not linked yet" };
    const result = await resolveContact(visitor.workspaceId, { email: visitor.email });
    await getDb()
      .update(tables.visitors)
      .set({ intercomContactId: result.intercomContactId, linkReason: result.reason })
      .where(eq(tables.visitors.id, visitor.id));
    await forgetVisitorState(visitor.workspaceId, visitor.anonymousId);
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

export type DecisionContact = ContactLookup & {
  /** The visitor counts as identified under the site's identity policy now. */
  identified: boolean;
  /** Unverified under "verified for writes": rules may use the contact, merge tags may not show it. */
  hideFields: boolean;
};

/**
 * The contact a decision may use, under the site's identity policy in force now: none for an
 * unverified identity under "required" (the visitor is anonymous), fields hidden under
 * "verified for writes", all of it when verified or when verification is off.
 */
export async function contactForDecision(visitor: VisitorRow): Promise<DecisionContact> {
  const cached = cachedContactForDecision(visitor);
  if (cached) return cached;
  if (!visitor.email && !visitor.intercomContactId) return { contact: null, identified: false, hideFields: false };
  const { policy } = await identityForRuntime(visitor.workspaceId);
  const trust = contactTrust(policy, visitor.identifiedBy);
  if (trust === "none") return { contact: null, identified: false, hideFields: false };
  return { ...(await contactFor(visitor)), identified: true, hideFields: trust === "read" };
}

/**
 * contactForDecision's answer when everything it needs is in this process's fresh caches (the
 * identity policy, the linked contact), read synchronously: a warm decision builds no promise for
 * it. Undefined when contactForDecision must wait (a load, an email to link, a Redis check).
 */
export function cachedContactForDecision(visitor: VisitorRow): DecisionContact | undefined {
  if (!visitor.email && !visitor.intercomContactId) return { contact: null, identified: false, hideFields: false };
  const identity = cachedIdentityForRuntime(visitor.workspaceId);
  if (!identity) return undefined;
  const trust = contactTrust(identity.policy, visitor.identifiedBy);
  if (trust === "none") return { contact: null, identified: false, hideFields: false };
  const contactId = visitor.intercomContactId;
  if (!contactId) return undefined;
  const cached = contactCache().fresh(visitor.workspaceId, contactId);
  const rule = cached && ruleContacts.get(cached);
  return rule ? { contact: rule, identified: true, hideFields: trust === "read" } : undefined;
}

export function intercomContext(lookup: { contact: RuleContact | null; hideFields?: boolean }): EvaluationContext["intercom"] {
  return lookup.contact ? { available: true, contact: lookup.contact, ...(lookup.hideFields ? { hideFields: true } : {}) } : { available: false };
}
