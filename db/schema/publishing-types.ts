/** A publish request's life: pending until an owner/admin approves or declines it, or its author withdraws it. */
export const PUBLISH_REQUEST_STATUSES = ["pending", "approved", "declined", "withdrawn"] as const;
export type PublishRequestStatus = (typeof PUBLISH_REQUEST_STATUSES)[number];
