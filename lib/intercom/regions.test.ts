import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
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
    expect(resolveBaseUrl("EU", parseEnv(env))).toBe("http://127.0.0.1:4010/eu");
    expect(resolveBaseUrl("US", parseEnv(env))).toBe("https://api.intercom.io");
    expect(resolveBaseUrl("AU", parseEnv(env))).toBe("https://api.au.intercom.io");
  });

  it("refuses an override that is not an http(s) URL, naming the variable only", () => {
    // lib/env.ts parses the overrides once, at startup; a bad one names the variable only.
    expect(() => parseEnv({ INTERCOM_BASE_URL_AU: "not a url" })).toThrow("INTERCOM_BASE_URL_AU is not a valid URL");
    expect(() => parseEnv({ INTERCOM_BASE_URL_AU: "ftp://x" })).toThrow(/INTERCOM_BASE_URL_AU must be an http\(s\) URL/);
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
