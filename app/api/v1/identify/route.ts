import { publicApi } from "@/lib/public-api/endpoints";

// Public: the snippet API, defined once in lib/public-api/endpoints.ts (also served by `npm run runtime`).
export const { POST, OPTIONS } = publicApi.identify;

// Always per request (a POST is never prerendered): Next then passes the handler the request itself,
// not a Proxy that tracks each read of its headers and body for static-rendering bailouts.
export const dynamic = "force-dynamic";
