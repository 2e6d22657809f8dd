import { describe, expect, it } from "vitest";
import { intercomContext, toRuleContact } from "./contact-context";

describe("toRuleContact", () => {
  it("maps the contact view to API-named standard fields, custom attributes and tag names", () => {
    const view = {
      id: "c1",
      role: "lead",
      email: null,
      name: "Ada",
      externalId: null,
      customAttributes: { favorite_color: "teal", "Signup Source": null },
      createdAt: 1734537424,
      phone: "+44", // extra fields of lib/intercom's view are ignored
    };
    const contact = toRuleContact(view, [{ id: "81", name: "VIP" }]);
    expect(contact).toEqual({
      standard: { id: "c1", role: "lead", email: null, name: "Ada", external_id: null, created_at: 1734537424, updated_at: null },
      custom: { favorite_color: "teal", "Signup Source": null },
      tags: ["VIP"],
    });
    contact.custom.favorite_color = "red";
    expect(view.customAttributes.favorite_color).toBe("teal");
  });

  it("builds the intercom part of a context", () => {
    const contact = toRuleContact({ id: "c1", role: "user", email: "a@b.c", name: null, externalId: null, customAttributes: {} }, []);
    expect(intercomContext(contact)).toEqual({ available: true, contact });
    expect(intercomContext(null)).toEqual({ available: false });
  });
});
