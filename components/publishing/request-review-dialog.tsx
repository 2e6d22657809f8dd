"use client";

import { Send } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { ChangeList } from "./change-list";

// The form (react-hook-form + zod) loads when the dialog opens (React.lazy: next/dynamic would add its loader to every page): this dialog sits in the shell of every page.
const RequestReviewForm = lazy(() => import("./request-review-form").then((m) => ({ default: m.RequestReviewForm })));

/** For members who edit but may not publish: why, and a way to send the draft to an owner or admin. */
export function RequestReviewDialog({ changes, blockers }: { changes: string[]; blockers: string[] }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Send className="size-4" aria-hidden />
          <span className="hidden sm:inline">Request review</span>
          <span className="sr-only sm:hidden">Request review</span>
        </Button>
      </DialogTrigger>
      <DialogContent size="xl">
        <DialogTitle>Request review</DialogTitle>
        <DialogDescription>
          Your changes are saved as a draft; visitors still see the published version. Only owners and admins can publish, so send them these{" "}
          {changes.length === 1 ? "change" : `${changes.length} changes`}: they see exactly what changes and publish it, or tell you why not.
        </DialogDescription>
        <ChangeList changes={changes} label="Changes to review" className="mt-4 max-h-[35dvh] list-disc space-y-1.5 overflow-y-auto pl-5 text-sm text-zinc-800" />
        {blockers.length > 0 ? (
          <Alert tone="error" className="mt-4">
            <p className="font-medium">Fix these before asking for review</p>
            <ChangeList changes={blockers} label="Problems to fix" className="list-disc space-y-1 pl-5" />
          </Alert>
        ) : null}
        <Suspense fallback={<p className="mt-4 text-sm text-zinc-500">Loading…</p>}>
          <RequestReviewForm disabled={blockers.length > 0} onBusyChange={setBusy} onDone={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
