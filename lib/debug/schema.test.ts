import { describe, expect, it } from "vitest";
import { detectIdentity, lookupContactSchema, trialWriteSchema } from "./schema";

describe("lookup input", () => {
  it("says whether it saw an email or a contact id", () => {
    expect(detectIdentity("  Grace@Example.com ")).toEqual({ kind: "email", value: "grace@example.com" });
    expect(detectIdentity("b6ada398cf585702b716711a")).toEqual({ kind: "contact_id", value: "b6ada398cf585702b716711a" });
    expect(detectIdentity("   ")).toEqual({ kind: "empty" });
    expect(detectIdentity("grace@")).toMatchObject({ kind: "invalid" });
    expect(detectIdentity("not an id!")).toMatchObject({ kind: "invalid" });
  });

  it("is refused on the server with the same messages", () => {
    expect(lookupContactSchema.safeParse({ query: "grace@example.com" }).success).toBe(true);
    const bad = lookupContactSchema.safeParse({ query: "x y" });
    expect(bad.error?.issues[0]?.message).toMatch(/email address or an Intercom contact id/);
    expect(lookupContactSchema.safeParse({ query: "sam@example.com", contactId: "../admins" }).success).toBe(false);
  });

  it("needs at least one chosen segment for a test write", () => {
    expect(trialWriteSchema.safeParse({ contactId: "abc", selections: {} }).success).toBe(false);
    expect(trialWriteSchema.safeParse({ contactId: "abc", selections: { g: [] } }).success).toBe(false);
    expect(trialWriteSchema.safeParse({ contactId: "abc", selections: { g: ["founder"] } }).success).toBe(true);
  });
});
