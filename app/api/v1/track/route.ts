import { publicApi } from "@/lib/public-api/endpoints";

// Public: the snippet API, defined once in lib/public-api/endpoints.ts (also served by `npm run runtime`).
export const { POST, OPTIONS } = publicApi.track;
