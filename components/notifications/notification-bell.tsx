import { Bell } from "lucide-react";
import { IntentLink } from "@/components/intent-link";

/**
 * The header's bell: a link to the notification centre with the unread count (rendered on the server).
 * It prefetches on intent, like the sidebar: on sight, every page would load the centre's route chunks.
 */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <IntentLink
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <Bell className="size-5" aria-hidden />
      {unread > 0 ? (
        <span
          aria-hidden
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 min-w-4.5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-4.5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </IntentLink>
  );
}
