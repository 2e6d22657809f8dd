import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { mailConfigured } from "@/lib/mail";
import { getEmailPreference, listNotifications } from "@/lib/notifications";
import { EmailPreference } from "./_components/email-preference";
import { MarkAllRead } from "./_components/mark-all-read";
import { formatDateTime } from "@/lib/format";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Notifications" };

const kindLabels = { drift: "Field mapping", connection: "Connection", dead_letter: "Sync", read_only: "Read-only token", publish_request: "Publish request" } as const;


export default async function NotificationsPage() {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("workspace:read");
  const items = await listNotifications(ctx.workspaceId, ctx.userId);
  const unread = items.filter((n) => n.unread).length;
  const mayEmail = can(ctx.role, "notifications:email");
  const preference = mayEmail ? await getEmailPreference(ctx.workspaceId, ctx.userId) : null;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Intercom drift, connection problems, writes that failed for good, read-only tokens and publish requests."
        actions={unread > 0 ? <MarkAllRead /> : null}
      />
      {preference ? (
        <Card className="mb-4">
          <EmailPreference value={preference} mailConfigured={mailConfigured()} />
        </Card>
      ) : null}
      {items.length === 0 ? (
        <Card>
          <CardTitle>Nothing to report</CardTitle>
          <CardDescription>When something in the Intercom connection needs you, it shows up here and on the bell.</CardDescription>
        </Card>
      ) : (
        <ul className="space-y-3" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id}>
              <Card className={n.unread ? "border-l-4 border-l-brand-600" : undefined}>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={n.kind === "connection" || n.kind === "dead_letter" ? "danger" : n.kind === "publish_request" ? "info" : "warning"}>{kindLabels[n.kind]}</Badge>
                  {n.unread ? <Badge tone="info">Unread</Badge> : null}
                  <time className="ml-auto text-xs text-zinc-500" dateTime={n.createdAt.toISOString()}>
                    {formatDateTime(n.createdAt, { style: dateStyle })}
                  </time>
                </div>
                <h2 className="mt-2 font-semibold">{n.title}</h2>
                <p className="mt-1 text-sm text-zinc-700">{n.body}</p>
                {n.link ? (
                  <Link href={n.link} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                    {n.kind === "publish_request" ? "Open the request →" : "Fix it →"}
                  </Link>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
