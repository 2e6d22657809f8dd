import { describe, expect, it } from "vitest";
import { appRegionName, isIntercomRegion, regionFromAppRegion, resolveBaseUrl, resolveBaseUrls } from "./regions";

describe("regions", () => {
  it("defaults to Intercom's hosts", () => {
    expect(resolveBaseUrls({})).toEqual({
      US: "https://api.intercom.io",
      EU: "https://api.eu.intercom.io",
      AU: "https://api.au.intercom.io",
    });
  });

  it("lets INTERCOM_BASE_URL_<REGION> override one region, path prefix kept, trailing slash dropped", () => {
    const env = { INTERCOM_BASE_URL_EU: "http://127.0.0.1:4010/eu/", INTERCOM_BASE_URL_US: "  " };
    expect(resolveBaseUrl("EU", env)).toBe("http://127.0.0.1:4010/eu");
    expect(resolveBaseUrl("US", env)).toBe("https://api.intercom.io");
    expect(resolveBaseUrl("AU", env)).toBe("https://api.au.intercom.io");
  });

  it("refuses an override that is not an http(s) URL, naming the variable only", () => {
    expect(() => resolveBaseUrl("AU", { INTERCOM_BASE_URL_AU: "not a url" })).toThrow("INTERCOM_BASE_URL_AU is not a valid URL");
    expect(() => resolveBaseUrl("AU", { INTERCOM_BASE_URL_AU: "ftp://x" })).toThrow(/http/);
  });

  it("maps /me region strings to codes and back", () => {
    expect(regionFromAppRegion("US")).toBe("US");
    expect(regionFromAppRegion("Europe")).toBe("EU");
    expect(regionFromAppRegion("EU")).toBe("EU");
    expect(regionFromAppRegion("Australia")).toBe("AU");
    expect(regionFromAppRegion(" australia ")).toBe("AU");
    expect(regionFromAppRegion("Mars")).toBeNull();
    expect(regionFromAppRegion(undefined)).toBeNull();
    expect(appRegionName("EU")).toBe("Europe");
    expect(appRegionName("AU")).toBe("Australia");
    expect(isIntercomRegion("EU")).toBe(true);
    expect(isIntercomRegion("Europe")).toBe(false);
  });
});
