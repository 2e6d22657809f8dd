// Intercom hosts one API per data region. `/me` reports the region as "US", "Europe" or
// "Australia" (not "EU"/"AU"), so code must map between the two spellings here and nowhere else.

export const INTERCOM_REGIONS = ["US", "EU", "AU"] as const;
export type IntercomRegion = (typeof INTERCOM_REGIONS)[number];

export const DEFAULT_BASE_URLS: Record<IntercomRegion, string> = {
  US: "https://api.intercom.io",
  EU: "https://api.eu.intercom.io",
  AU: "https://api.au.intercom.io",
};

export const BASE_URL_ENV = {
  US: "INTERCOM_BASE_URL_US",
  EU: "INTERCOM_BASE_URL_EU",
  AU: "INTERCOM_BASE_URL_AU",
} as const satisfies Record<IntercomRegion, string>;

export function isIntercomRegion(value: unknown): value is IntercomRegion {
  return typeof value === "string" && (INTERCOM_REGIONS as readonly string[]).includes(value);
}

/** The INTERCOM_BASE_URL_* overrides, as lib/env.ts parsed them (this module is also used in the browser). */
export type BaseUrlOverrides = Partial<Record<(typeof BASE_URL_ENV)[IntercomRegion], string | undefined>>;

/** Base URL for a region; `INTERCOM_BASE_URL_<REGION>` (may carry a path prefix) wins over the default. */
export function resolveBaseUrl(region: IntercomRegion, overrides: BaseUrlOverrides): string {
  return overrides[BASE_URL_ENV[region]] ?? DEFAULT_BASE_URLS[region];
}

export function resolveBaseUrls(overrides: BaseUrlOverrides): Record<IntercomRegion, string> {
  return { US: resolveBaseUrl("US", overrides), EU: resolveBaseUrl("EU", overrides), AU: resolveBaseUrl("AU", overrides) };
}

const APP_REGION_NAMES: Record<string, IntercomRegion> = {
  us: "US",
  "united states": "US",
  eu: "EU",
  europe: "EU",
  au: "AU",
  australia: "AU",
};

/** Maps `/me` `app.region` ("US", "Europe", "Australia") to a region code; null when unknown. */
export function regionFromAppRegion(appRegion: string | null | undefined): IntercomRegion | null {
  if (!appRegion) return null;
  return APP_REGION_NAMES[appRegion.trim().toLowerCase()] ?? null;
}

/** The spelling `/me` uses for a region. */
export function appRegionName(region: IntercomRegion): string {
  return { US: "US", EU: "Europe", AU: "Australia" }[region];
}
