"use client";

import Link from "next/link";
import { Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { publishAction } from "@/lib/publishing/actions";
import { IntercomReferences } from "./intercom-references";
import { ChangeList } from "./change-list";
import { MyPendingRequestLink } from "./request-links";
import { RequestReviewDialog } from "./request-review-dialog";

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
          {blockers.length > 0 ? (
            <Alert tone="error" className="mt-4">
              <p className="font-medium">Fix these before publishing</p>
              <ul className="list-disc space-y-1 pl-5" aria-label="Problems to fix">
                {blockers.map((line, i) => (
                  <li key={i} className="break-words">
                    {line}
                  </li>
                ))}
              </ul>
              {blockers.some((line) => line.startsWith("Field mapping")) ? (
                <Link href="/integrations/intercom/mapping" className="mt-2 inline-block font-medium underline">
                  Fix field mappings →
                </Link>
              ) : null}
            </Alert>
          ) : null}
          <IntercomReferences />
          <ChangeList changes={changes} label="Changes to publish" className="mt-4 max-h-[50dvh] list-disc space-y-1.5 overflow-y-auto pl-5 text-sm text-zinc-800" />
        </ConfirmDialog>
      ) : myPendingRequestId ? (
        <MyPendingRequestLink id={myPendingRequestId} />
      ) : canRequest ? (
        <RequestReviewDialog changes={changes} blockers={blockers} />
      ) : null}
    </div>
  );
}
