import { describe, expect, it } from "vitest";
import type { IntercomContact } from "@/lib/intercom";
import { pickContact } from "./pick-contact";

const contact = (id: string, role: string, updatedAt: number): IntercomContact => ({
  id,
  role,
  email: "sam@example.com",
  name: null,
  externalId: null,
  workspaceId: "w",
  phone: null,
  createdAt: 1,
  updatedAt,
  customAttributes: {},
  tagIds: [],
  tagCount: 0,
  hasMoreTags: false,
});

describe("pickContact", () => {
  it("returns null for no match and the contact for one", () => {
    expect(pickContact([])).toBeNull();
    expect(pickContact([contact("a", "lead", 1)])).toMatchObject({ contact: { id: "a" }, reason: "only match" });
  });

  it("prefers a user over more recently updated leads", () => {
    const choice = pickContact([contact("l1", "lead", 300), contact("u1", "user", 100), contact("l2", "lead", 200)]);
    expect(choice?.contact.id).toBe("u1");
    expect(choice?.reason).toBe("3 matches (1 user, 2 lead): chose the only user");
  });

  it("breaks ties by the most recent update, among users or else among leads", () => {
    expect(pickContact([contact("u1", "user", 100), contact("u2", "user", 200)])?.contact.id).toBe("u2");
    expect(pickContact([contact("l1", "lead", 100), contact("l2", "lead", 50)])).toMatchObject({
      contact: { id: "l1" },
      reason: expect.stringContaining("most recently updated lead"),
    });
  });
});
