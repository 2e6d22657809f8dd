import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeUserHash, newIdentitySecret, verifyUserHash } from "./hash";
import { canWriteToContact, classifyIdentity, contactTrust } from "./trust";

describe("identity hashes", () => {
  const secret = newIdentitySecret();

  it("are HMAC-SHA256 of the identity value in hex, as the docs' examples compute them", () => {
    expect(computeUserHash(secret, "ada@example.com")).toBe(createHmac("sha256", secret).update("ada@example.com").digest("hex"));
    expect(secret).toMatch(/^tis_[A-Za-z0-9_-]{43}$/);
    expect(newIdentitySecret()).not.toBe(secret);
  });

  it("verify only the right value with the right secret; malformed hashes are refused", () => {
    const hash = computeUserHash(secret, "ada@example.com");
    expect(verifyUserHash(secret, "ada@example.com", hash)).toBe(true);
    expect(verifyUserHash(secret, "ada@example.com", hash.toUpperCase())).toBe(true);
    expect(verifyUserHash(secret, "grace@example.com", hash)).toBe(false);
    expect(verifyUserHash(newIdentitySecret(), "ada@example.com", hash)).toBe(false);
    for (const bad of [undefined, "", "zz", hash.slice(1), `${hash}00`, " ".repeat(64)]) expect(verifyUserHash(secret, "ada@example.com", bad)).toBe(false);
  });
});

describe("identity policy", () => {
  it("Required ignores unverified claims; Verified for writes reads; Off trusts", () => {
    expect(classifyIdentity("required", false)).toBeNull();
    expect(classifyIdentity("required", true)).toBe("verified");
    expect(classifyIdentity("verified_for_writes", false)).toBe("unverified");
    expect(classifyIdentity("off", false)).toBe("policy_off");
  });

  it("a stricter policy applies at once to earlier identities; only verified or policy-off identities are written", () => {
    expect(contactTrust("required", "policy_off")).toBe("none");
    expect(contactTrust("required", null)).toBe("none");
    expect(contactTrust("verified_for_writes", "unverified")).toBe("read");
    expect(contactTrust("verified_for_writes", "verified")).toBe("full");
    expect(contactTrust("off", "unverified")).toBe("full");
    expect([canWriteToContact("verified"), canWriteToContact("policy_off"), canWriteToContact("unverified"), canWriteToContact(null)]).toEqual([true, true, false, false]);
  });
});
