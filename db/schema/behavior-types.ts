// Shared by ./behavior-sqlite.ts and ./behavior-pg.ts (no tables here).
/** Website behaviours an admin can turn into Intercom data events. */
export const BEHAVIORS = ["flow_completed", "flow_dismissed", "flow_cta_clicked", "page_visit", "track", "variant_seen"] as const;
export type Behavior = (typeof BEHAVIORS)[number];
