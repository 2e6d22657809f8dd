import { describe, expect, it } from "vitest";
import { isValidAttributeName } from "@/lib/intercom/client";
import { ATTRIBUTE_NAME_FORBIDDEN, proposeAttributeName, snakeCase } from "./attribute-name";

describe("proposeAttributeName", () => {
  it.each([
    ["Company size", "tailor_company_size"],
    ["Role", "tailor_role"],
    ["  Crème brûlée / Größe!! ", "tailor_creme_brulee_gro_e"],
    ["tailor_role", "tailor_role"],
    ["$$$", "tailor_field"],
    ["Which plan? (monthly.$)", "tailor_which_plan_monthly"],
  ])("%j → %j", (input, output) => {
    expect(proposeAttributeName(input)).toBe(output);
  });

  it("avoids taken names, case-insensitively", () => {
    expect(proposeAttributeName("Company size", ["TAILOR_company_size"])).toBe("tailor_company_size_2");
    expect(proposeAttributeName("Company size", ["tailor_company_size", "tailor_company_size_2"])).toBe("tailor_company_size_3");
  });

  it("stays short and always passes Intercom's name rules", () => {
    const long = proposeAttributeName("a very long group name ".repeat(10));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long.endsWith("_")).toBe(false);
    for (const input of ["Company size", "a.b$c", "`~!@#%^&*'{}|\\\"", "日本語"]) {
      expect(isValidAttributeName(proposeAttributeName(input))).toBe(true);
    }
  });

  it("uses the same forbidden characters as the Intercom client", () => {
    for (const name of ["ok name", "a.b", "a$b", "a~b", "a`b", "a!b", "a@b", "a#b", "a%b", "a^b", "a&b", "a*b", "a'b", "a{b", "a|b", 'a"b', "a\\b", "a-b"]) {
      expect(ATTRIBUTE_NAME_FORBIDDEN.test(name)).toBe(!isValidAttributeName(name));
    }
    expect(snakeCase("Hello World")).toBe("hello_world");
  });
});
