"use client";

import { Send } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

// The change list and the form (react-hook-form + zod) load when the dialog opens (React.lazy: next/dynamic would add its loader to every page): this dialog sits in the shell of every page.
const RequestReviewBody = lazy(() => import("./request-review-form").then((m) => ({ default: m.RequestReviewBody })));

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
        <Suspense fallback={<p className="mt-4 text-sm text-zinc-500">Loading…</p>}>
          <RequestReviewBody changes={changes} blockers={blockers} onBusyChange={setBusy} onDone={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
