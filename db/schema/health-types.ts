/** What an Intercom call ended as, for the connection's health (lib/intercom-integration/health.ts). */
export const FAILURE_KINDS = ["unauthorized", "forbidden", "not_found", "rate_limited", "server_error", "network"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];
export type FailureCounts = Partial<Record<FailureKind, number>>;

export const NOTIFICATION_KINDS = ["drift", "connection", "dead_letter", "read_only", "publish_request"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
