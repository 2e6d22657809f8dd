import { verifyUserHash } from "@/lib/identity/hash";
import { identityForRuntime } from "@/lib/identity/settings";
import { classifyIdentity } from "@/lib/identity/trust";
import { identifyVisitor, type Identity } from "./visitors";

/** The identify answer: the same for a contact that exists and one that doesn't (no enumeration). */
export type IdentifyAnswer = { identified: boolean; verified: boolean };

/**
 * A visitor claims an identity (`userHash` from the customer's server). Under the site's policy
 * an unverified claim is ignored (Required: nothing stored, nothing looked up) or accepted as
 * read-only (Verified for writes) or as-is (Off).
 */
export async function identifyClaim(workspaceId: string, anonymousId: string, identity: Identity, userHash: string | undefined): Promise<IdentifyAnswer> {
  const { policy, secret } = await identityForRuntime(workspaceId);
  const value = "email" in identity ? identity.email : identity.intercomContactId;
  const verified = secret !== null && verifyUserHash(secret, value, userHash);
  const identifiedBy = classifyIdentity(policy, verified);
  if (!identifiedBy) return { identified: false, verified: false };
  await identifyVisitor(workspaceId, anonymousId, identity, identifiedBy);
  return { identified: true, verified };
}
