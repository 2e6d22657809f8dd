"use client";

import { Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { lazy, Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { publishAction } from "@/lib/publishing/actions";
import { MyPendingRequestLink } from "./request-links";
import { RequestReviewDialog } from "./request-review-dialog";

// The dialog's body (blockers, the Intercom check, the change list) loads when it opens: the header shows these controls on every page.
const PublishDetails = lazy(() => import("./publish-details").then((m) => ({ default: m.PublishDetails })));

/**
 * The shell's "Unpublished changes" badge and, for publishers, the review-and-publish dialog; for
 * members who may only ask, "Request review" (or their pending request).
 */
export function PublishControls({
  changes,
  blockers,
  liveVersion,
  canPublish,
  canRequest,
  myPendingRequestId,
}: {
  changes: string[];
  blockers: string[];
  liveVersion: number | null;
  canPublish: boolean;
  canRequest: boolean;
  myPendingRequestId: string | null;
}) {
  const router = useRouter();
  const nextVersion = (liveVersion ?? 0) + 1;

  return (
    <div className="flex items-center gap-2">
      <Badge tone="warning" title={canPublish ? undefined : "Visitors see the published version until an owner or admin publishes these changes."}>
        <span className="hidden sm:inline">Unpublished changes</span>
        <span className="sm:hidden">Unpublished</span>
      </Badge>
      {canPublish ? (
        <ConfirmDialog
          size="xl"
          trigger={
            <Button size="sm">
              <Rocket className="size-4" aria-hidden />
              <span className="hidden sm:inline">Review &amp; publish</span>
              <span className="sr-only sm:hidden">Review &amp; publish</span>
            </Button>
          }
          title="Review & publish"
          description={`${changes.length === 1 ? "This change goes" : `These ${changes.length} changes go`} live for every visitor${
            liveVersion === null ? " (your first publish)." : `, replacing v${liveVersion}.`
          }`}
          confirmLabel={`Publish v${nextVersion}`}
          confirmDisabled={blockers.length > 0}
          onConfirm={async () => {
            const result = await publishAction({});
            if (!result.ok) return result.message;
            toast.success(`Published v${result.data.version}`);
            router.refresh();
          }}
        >
          <Suspense fallback={<p className="mt-4 text-sm text-zinc-600">Loading…</p>}>
            <PublishDetails changes={changes} blockers={blockers} />
          </Suspense>
        </ConfirmDialog>
      ) : myPendingRequestId ? (
        <MyPendingRequestLink id={myPendingRequestId} />
      ) : canRequest ? (
        <RequestReviewDialog changes={changes} blockers={blockers} />
      ) : null}
    </div>
  );
}
