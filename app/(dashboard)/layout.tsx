import type { ReactNode } from "react";
import { SidebarNav } from "@/components/nav/sidebar";
import { UserMenu } from "@/components/nav/user-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { unreadCount } from "@/lib/notifications";
import { MobileNav, PublishControls } from "@/components/shell-islands";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/guard";
import { navFor } from "@/lib/nav";
import { getPublishStatus } from "@/lib/publishing/versions";
import { PendingRequestsLink } from "@/components/publishing/request-links";
import { countPendingRequests, myPendingRequest } from "@/lib/publishing/requests";
import { sentTimeZone, viewerDateStyle } from "@/lib/date-style";
import { DateStyleProvider } from "@/components/date-style";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireCapability("workspace:read");
  const items = navFor(ctx.role);
  const publishStatus = can(ctx.role, "personalizations:read") ? await getPublishStatus(ctx.workspaceId) : null;
  const canPublish = can(ctx.role, "publish");
  const pendingRequests = canPublish ? await countPendingRequests(ctx.workspaceId) : 0;
  const myRequest = !canPublish && can(ctx.role, "publish:request") ? await myPendingRequest(ctx.workspaceId, ctx.userId) : null;
  return (
    <div className="flex min-h-dvh">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-zinc-200 bg-zinc-100/70 px-3 py-4 md:flex">
        <div className="px-3 pb-4">
          <p className="text-lg font-bold tracking-tight">Tailor</p>
          <p className="truncate text-sm text-zinc-600">{ctx.workspaceName}</p>
        </div>
        <nav aria-label="Main" className="flex-1">
          <SidebarNav items={items} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-2 border-b border-zinc-200 bg-white px-4">
          <MobileNav items={items} workspaceName={ctx.workspaceName} roleLabel={roleLabels[ctx.role]} />
          <p className="hidden font-semibold sm:block md:hidden">Tailor</p>
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            {pendingRequests > 0 ? <PendingRequestsLink count={pendingRequests} /> : null}
            {publishStatus && publishStatus.changes.length > 0 ? (
              <PublishControls
                changes={publishStatus.changes}
                blockers={publishStatus.blockers}
                liveVersion={publishStatus.liveVersion}
                canPublish={canPublish}
                canRequest={can(ctx.role, "publish:request")}
                myPendingRequestId={myRequest?.id ?? null}
              />
            ) : null}
            <NotificationBell unread={await unreadCount(ctx.workspaceId, ctx.userId)} />
            <UserMenu name={ctx.name} email={ctx.email} roleLabel={roleLabels[ctx.role]} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 p-4 md:p-8">
          <DateStyleProvider style={await viewerDateStyle()} sentZone={await sentTimeZone()}>
            {children}
          </DateStyleProvider>
        </main>
      </div>
    </div>
  );
}
