import { describe, expect, it } from "vitest";
import { trackRequestSchema } from "@/lib/public-api/schema";
import { eventNameProblem } from "./event-name";
import { buildMetadata, linkOf } from "./metadata";
import { ruleMatches, urlPatternMatches } from "./rules";
import { saveEventRulesSchema } from "./schema";

describe("event names", () => {
  it("accepts past-tense verb-noun names", () => {
    for (const name of ["viewed-pricing", "completed-welcome-flow", "clicked-cta", "sent-invite", "bought-plan2"]) expect(eventNameProblem(name), name).toBeNull();
  });
  it("refuses other shapes with a reason", () => {
    expect(eventNameProblem("")).toMatch(/name/);
    expect(eventNameProblem("pricing")).toMatch(/hyphens/);
    expect(eventNameProblem("Viewed-Pricing")).toMatch(/lowercase/);
    expect(eventNameProblem("view-pricing")).toMatch(/past-tense/);
    expect(eventNameProblem("viewed pricing")).toMatch(/hyphens/);
    expect(eventNameProblem("viewed.pricing")).toMatch(/hyphens/);
    expect(eventNameProblem(`viewed-${"x".repeat(70)}`)).toMatch(/64/);
  });
});

describe("metadata", () => {
  it("is flat, at most 10 keys in priority order, typed as Intercom expects", () => {
    const entries: [string, unknown][] = [
      ["path", "/pricing"],
      ["seen_date", new Date("2026-11-29T10:00:00.500Z")],
      ["count", 3],
      ["flag", true],
      ["empty", "  "],
      ["nothing", null],
      ["Bad Key", "x"],
      ["path", "/again"],
      ["nested", { a: 1 }],
      ["long", "y".repeat(300)],
      ...Array.from({ length: 12 }, (_, i) => [`k${i}`, i] as [string, unknown]),
    ];
    const m = buildMetadata(entries);
    expect(Object.keys(m)).toHaveLength(10);
    expect(m).toMatchObject({ path: "/pricing", seen_date: 1_795_946_400, count: 3, flag: "yes", k0: 0 });
    expect(String(m.long)).toHaveLength(255);
    expect(m).not.toHaveProperty("nested");
    expect(m).not.toHaveProperty("Bad Key");
  });
  it("links are absolute http(s) URLs only", () => {
    expect(linkOf("https://acme.test/pricing?x=1")).toBe("https://acme.test/pricing?x=1");
    expect(linkOf("javascript:alert(1)")).toBeUndefined();
    expect(linkOf("/relative")).toBeUndefined();
  });
});

describe("rule matching", () => {
  it("URL patterns: * is anything, the rest literal and case-insensitive", () => {
    expect(urlPatternMatches("/pricing", "/pricing")).toBe(true);
    expect(urlPatternMatches("/pricing", "/pricing/")).toBe(true);
    expect(urlPatternMatches("/pricing", "/pricing/teams")).toBe(false);
    expect(urlPatternMatches("/pricing*", "/pricing/teams")).toBe(true);
    expect(urlPatternMatches("*/pricing", "/de/PRICING")).toBe(true);
    expect(urlPatternMatches("/a.b", "/axb")).toBe(false); // regex characters are literal
  });
  it("an empty match means any; keys compare case-insensitively", () => {
    const rule = { id: "r", behavior: "track" as const, match: "Signup_Started", eventName: "started-signup", enabled: true };
    expect(ruleMatches(rule, "signup_started")).toBe(true);
    expect(ruleMatches({ ...rule, match: null }, "anything")).toBe(true);
    expect(ruleMatches(rule, "other")).toBe(false);
  });
});

describe("admin form schema", () => {
  it("needs a pattern for page visits and a key for track calls", () => {
    const bad = saveEventRulesSchema.safeParse({
      rules: [
        { behavior: "page_visit", match: "", eventName: "viewed-pricing", enabled: true },
        { behavior: "page_visit", match: "pricing", eventName: "viewed-pricing", enabled: true },
        { behavior: "track", match: "has space", eventName: "started-signup", enabled: true },
        { behavior: "flow_completed", match: "", eventName: "flow-done", enabled: true },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["rules.0.match", "rules.1.match", "rules.2.match", "rules.3.eventName"]));
    expect(saveEventRulesSchema.safeParse({ rules: [{ behavior: "flow_completed", match: "", eventName: "completed-flow", enabled: true }] }).success).toBe(true);
  });
});

describe("POST /api/v1/track schema (hostile input)", () => {
  const base = { siteKey: "site_abc", visitorId: "visitor-123456" };
  it("accepts a page view and a track call", () => {
    expect(trackRequestSchema.safeParse({ ...base, type: "page", id: "pv-12345678", path: "/pricing", utm: { source: "ads" } }).success).toBe(true);
    expect(trackRequestSchema.safeParse({ ...base, type: "track", id: "tr-12345678", key: "signup_started", properties: { plan: "pro", seats: 3, trial: true } }).success).toBe(true);
  });
  it("refuses what a hostile page could send", () => {
    const refused = [
      { ...base, type: "page", id: "pv-12345678", path: "https://evil.test/" },
      { ...base, type: "page", id: "short", path: "/" },
      { ...base, type: "page", id: "pv-12345678", path: "/", utm: { source: "x", extra: "y" } },
      { ...base, type: "page", id: "pv-12345678", path: "/".repeat(2000) },
      { ...base, type: "track", id: "tr-12345678", key: "<script>" },
      { ...base, type: "track", id: "tr-12345678", key: "k", properties: { nested: { a: 1 } } },
      { ...base, type: "track", id: "tr-12345678", key: "k", properties: { "Bad Key": 1 } },
      { ...base, type: "track", id: "tr-12345678", key: "k", properties: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, i])) },
      { ...base, type: "other", id: "tr-12345678" },
    ];
    for (const body of refused) expect(trackRequestSchema.safeParse(body).success, JSON.stringify(body).slice(0, 80)).toBe(false);
  });
});
