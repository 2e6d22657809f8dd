import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { listAudit } from "@/lib/audit";
import { describeAudit } from "@/lib/audit-text";
import { formatDateTime, formatDay } from "@/lib/format";
import { viewerDateStyle } from "@/lib/date-style";

export async function RecentActivity({ workspaceId }: { workspaceId: string }) {
  const dateStyle = await viewerDateStyle();
  const activity = await listAudit(workspaceId, { limit: 8 });
  return (
    <Card aria-labelledby="activity-title">
      <CardTitle id="activity-title">Recent activity</CardTitle>
      {activity.length === 0 ? (
        <CardDescription>No activity yet. Changes to members and integrations show up here.</CardDescription>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {activity.map((entry) => (
            <li key={entry.id} className="flex justify-between gap-3">
              <span className="min-w-0 break-words">{describeAudit(entry)}</span>
              <time className="shrink-0 text-zinc-500" dateTime={entry.createdAt.toISOString()} title={formatDateTime(entry.createdAt, { style: dateStyle })}>
                {formatDay(entry.createdAt, dateStyle)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
