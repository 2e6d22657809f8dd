/** Per-site identity verification policy (see docs/identity-verification.md). */
export const IDENTITY_POLICIES = ["required", "verified_for_writes", "off"] as const;
export type IdentityPolicy = (typeof IDENTITY_POLICIES)[number];

/**
 * How a visitor's identity was accepted: `verified` (the site's HMAC matched), `policy_off`
 * (unverified, accepted because the site turned verification off), `unverified` (unverified,
 * read-only under "verified for writes": never written to, personal fields never shown).
 */
export const IDENTIFIED_BY = ["verified", "policy_off", "unverified"] as const;
export type IdentifiedBy = (typeof IDENTIFIED_BY)[number];
