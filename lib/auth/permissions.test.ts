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

  it("every role can read its workspace", () => {
    for (const role of roles) expect(capabilitiesOf(role)).toContain("workspace:read");
  });

  it("the sidebar shows each role only what it may use", () => {
    expect(navFor("owner").map((i) => i.title)).toContain("Settings");
    for (const role of ["admin", "marketer", "support"] as const) {
      expect(navFor(role).map((i) => i.title)).not.toContain("Settings");
    }
  });
});
