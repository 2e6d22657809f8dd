import type { IdentifiedBy, IdentityPolicy } from "@/db/schema/identity-types";

export { IDENTITY_POLICIES, IDENTIFIED_BY, type IdentifiedBy, type IdentityPolicy } from "@/db/schema/identity-types";

/**
 * How a claimed identity is accepted under the site's policy; null means ignored (nothing is
 * stored, nothing is looked up).
 */
export function classifyIdentity(policy: IdentityPolicy, verified: boolean): IdentifiedBy | null {
  if (verified) return "verified";
  if (policy === "off") return "policy_off";
  if (policy === "verified_for_writes") return "unverified";
  return null;
}

/**
 * What a decision may use of a linked contact, under the policy in force now (a stricter policy
 * applies at once to visitors identified earlier):
 *   full  rules and merge tags see the contact
 *   read  rules see tags and attributes; merge tags never show contact fields
 *   none  the visitor is treated as anonymous
 */
export type ContactTrust = "full" | "read" | "none";

export function contactTrust(policy: IdentityPolicy, identifiedBy: IdentifiedBy | null): ContactTrust {
  if (identifiedBy === "verified" || policy === "off") return "full";
  if (policy === "verified_for_writes") return "read";
  return "none";
}

/** Answers are written to Intercom only for a verified visitor, or one accepted while verification was off. */
export const WRITABLE_IDENTITIES = ["verified", "policy_off"] as const satisfies readonly IdentifiedBy[];

export function canWriteToContact(identifiedBy: IdentifiedBy | null | undefined): boolean {
  return identifiedBy === "verified" || identifiedBy === "policy_off";
}

export const IDENTITY_POLICY_LABELS: Record<IdentityPolicy, { title: string; description: string }> = {
  required: {
    title: "Required (recommended)",
    description:
      "Tailor only accepts an identity that your server signed. Anything else is ignored: the visitor stays anonymous, nothing is looked up and nothing is written to Intercom.",
  },
  verified_for_writes: {
    title: "Verified for writes",
    description:
      "Unsigned identities may personalize from the contact's tags and attributes, but their answers are never written to Intercom and merge tags never show their contact fields. Anyone can claim any email, so rules can reveal which audience an email is in.",
  },
  off: {
    title: "Off (not recommended)",
    description:
      "Any visitor can claim any email: they see that contact's personalization and merge-tag values, and their answers are written to that contact in Intercom.",
  },
};
