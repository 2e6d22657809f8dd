import type { NotificationKind } from "@/db/schema/health-types";

/** What raising a notification takes (lib/notifications/notifications.ts notify()). */
export type NotificationInput = { kind: NotificationKind; title: string; body: string; link?: string | null };
