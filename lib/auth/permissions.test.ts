import { describe, expect, it } from "vitest";
import { navFor } from "@/lib/nav";
import { can, capabilitiesOf, roles } from "./permissions";

describe("permissions", () => {
  it("only owners manage members", () => {
    expect(roles.filter((r) => can(r, "members:manage"))).toEqual(["owner"]);
  });

  it("support can read integrations but not connect them", () => {
    expect(can("support", "integrations:read")).toBe(true);
    expect(can("support", "integrations:connect")).toBe(false);
    expect(can("marketer", "integrations:connect")).toBe(true);
  });

  it("only owners and admins edit field mappings; everyone reads segments", () => {
    expect(roles.filter((r) => can(r, "mappings:edit"))).toEqual(["owner", "admin"]);
    expect(roles.filter((r) => can(r, "segments:edit"))).toEqual(["owner", "admin", "marketer"]);
    expect(roles.filter((r) => can(r, "segments:read"))).toEqual([...roles]);
  });

  it("everyone reads personalizations; owners, admins and marketers edit them; only owners and admins publish", () => {
    expect(roles.filter((r) => can(r, "personalizations:read"))).toEqual([...roles]);
    expect(roles.filter((r) => can(r, "personalizations:edit"))).toEqual(["owner", "admin", "marketer"]);
    expect(roles.filter((r) => can(r, "publish"))).toEqual(["owner", "admin"]);
    expect(roles.filter((r) => can(r, "website:manage"))).toEqual(["owner", "admin", "marketer"]);
  });

  it("only support, admins and owners use the debug panel and its test writes", () => {
    expect(roles.filter((r) => can(r, "debug:read"))).toEqual(["owner", "admin", "support"]);
    expect(roles.filter((r) => can(r, "debug:write-test"))).toEqual(["owner", "admin", "support"]);
  });

  it("everyone reads the sync log; only owners and admins retry a write", () => {
    expect(roles.filter((r) => can(r, "sync:read"))).toEqual([...roles]);
    expect(roles.filter((r) => can(r, "sync:retry"))).toEqual(["owner", "admin"]);
  });

  it("every role can read its workspace", () => {
    for (const role of roles) expect(capabilitiesOf(role)).toContain("workspace:read");
  });

  it("the sidebar shows each role only what it may use", () => {
    expect(navFor("support").map((i) => i.title)).toEqual(["Overview", "Segments", "Personalizations", "Flows", "Integrations", "Debug"]);
    expect(navFor("marketer").map((i) => i.title)).toEqual(["Overview", "Segments", "Personalizations", "Flows", "Integrations", "Settings"]);
    for (const role of ["owner", "admin"] as const) {
      expect(navFor(role).map((i) => i.title)).toEqual(["Overview", "Segments", "Personalizations", "Flows", "Integrations", "Debug", "Settings"]);
    }
  });
});
