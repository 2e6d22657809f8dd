/** What a goal listens for (lib/analytics/goals.ts). */
export const GOAL_KINDS = ["click", "page_visit", "flow_completed", "flow_cta", "track"] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const ANALYTICS_EVENT_KINDS = ["impression", "conversion"] as const;
export type AnalyticsEventKind = (typeof ANALYTICS_EVENT_KINDS)[number];
