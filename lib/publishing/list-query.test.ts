import { describe, expect, it } from "vitest";
import { applyListQuery, listStatus, parseListQuery } from "./list-query";

const at = (iso: string) => new Date(iso);
const items = [
  { name: "Hero", key: "hero", status: "live" as const, updatedAt: at("2026-11-01T00:00:00Z") },
  { name: "pricing banner", key: "pricing-banner", status: "draft" as const, updatedAt: at("2026-11-03T00:00:00Z") },
  { name: "Customer banner", key: "customer-banner", status: "off" as const, updatedAt: at("2026-11-02T00:00:00Z") },
];

describe("list queries", () => {
  it("parse the URL leniently: unknown values fall back to the defaults", () => {
    expect(parseListQuery({})).toEqual({ q: "", status: "all", sort: "name" });
    expect(parseListQuery({ q: "  banner ", status: "live", sort: "edited" })).toEqual({ q: "banner", status: "live", sort: "edited" });
    expect(parseListQuery({ q: ["a", "b"], status: "deleted", sort: "<script>" })).toEqual({ q: "a", status: "all", sort: "name" });
    expect(parseListQuery({ q: "x".repeat(500) }).q).toBe("");
  });

  it("search name and key, filter by status, sort", () => {
    const names = (q: Parameters<typeof applyListQuery>[1]) => applyListQuery(items, q).map((i) => i.name);
    expect(names({ q: "", status: "all", sort: "name" })).toEqual(["Customer banner", "Hero", "pricing banner"]);
    expect(names({ q: "BANNER", status: "all", sort: "edited" })).toEqual(["pricing banner", "Customer banner"]);
    expect(names({ q: "pricing-", status: "all", sort: "name" })).toEqual(["pricing banner"]);
    expect(names({ q: "", status: "off", sort: "name" })).toEqual(["Customer banner"]);
    expect(names({ q: "", status: "all", sort: "status" })).toEqual(["pricing banner", "Hero", "Customer banner"]);
    expect(names({ q: "nothing", status: "all", sort: "name" })).toEqual([]);
  });

  it("status against the live version", () => {
    expect(listStatus({ a: 1 }, undefined)).toBe("draft");
    expect(listStatus({ a: 1, enabled: false }, undefined)).toBe("off");
    expect(listStatus({ a: 1 }, { a: 1 })).toBe("live");
    expect(listStatus({ a: 2 }, { a: 1 })).toBe("draft");
    expect(listStatus({ a: 1, enabled: false }, { a: 1, enabled: false })).toBe("off");
    expect(listStatus({ a: 1, enabled: false }, { a: 1, enabled: true })).toBe("draft");
  });
});
