import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { formatAgo, formatDateTime } from "@/lib/format";
import { placementSighting } from "@/lib/website/activity";
import { viewerDateStyle } from "@/lib/date-style";

/** Whether the snippet has found this placement's element on the site, and how to add it if not. */
export async function PlacementStatus({ workspaceId, placementKey }: { workspaceId: string; placementKey: string }) {
  const dateStyle = await viewerDateStyle();
  const seen = await placementSighting(workspaceId, placementKey);
  if (seen) {
    return (
      <Alert tone="success" className="mb-4" data-testid="placement-status">
        Seen on <code className="font-mono text-xs break-all">{seen.path}</code>{" "}
        <time dateTime={seen.lastSeenAt.toISOString()} title={formatDateTime(seen.lastSeenAt, { style: dateStyle })}>
          {formatAgo(seen.lastSeenAt, undefined, dateStyle)}
        </time>
        .
      </Alert>
    );
  }
  return (
    <Alert tone="warning" className="mb-4" data-testid="placement-status">
      <p className="font-medium">Not seen on your site yet.</p>
      <p className="mt-1">
        Visitors see this personalization only where the page has an element marked with its placement key. Add it where the content should
        appear (its content is what everyone else sees):
      </p>
      <pre className="mt-2 overflow-x-auto rounded bg-white/70 px-2 py-1.5 font-mono text-xs">
        <code>{`<div data-tailor-placement="${placementKey}">…</div>`}</code>
      </pre>
      <p className="mt-1">
        The page also needs the Tailor snippet (<Link className="font-medium underline" href="/settings/website">Website settings</Link>). Once a
        visitor opens such a page, this says where it was seen.
      </p>
    </Alert>
  );
}
