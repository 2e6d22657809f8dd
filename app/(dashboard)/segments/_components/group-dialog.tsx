"use client";

import { Pencil, Plus } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { GroupView } from "@/lib/segments/segments";

// The form (react-hook-form + zod) loads when the dialog opens (React.lazy: next/dynamic would add its loader to every page).
const GroupForm = lazy(() => import("./group-form").then((m) => ({ default: m.GroupForm })));

/** Create or edit a segment group and its segments. Saved keys are read-only: integrations rely on them. */
export function GroupDialog({ mode, group }: { mode: "create" | "edit"; group?: GroupView }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <DialogTrigger asChild>
        {mode === "create" ? (
          <Button>
            <Plus className="size-4" aria-hidden />
            New group
          </Button>
        ) : (
          <Button variant="ghost" size="icon" aria-label={`Edit ${group?.name}`}>
            <Pencil className="size-4" aria-hidden />
          </Button>
        )}
      </DialogTrigger>
      <DialogContent size="2xl" className="max-h-[90dvh] overflow-y-auto">
        <DialogTitle>{mode === "create" ? "New segment group" : `Edit “${group?.name}”`}</DialogTitle>
        <DialogDescription>Each visitor gets one segment of a single-select group, or several of a multi-select group.</DialogDescription>
        <Suspense fallback={<p className="mt-4 text-sm text-zinc-500">Loading…</p>}>
          <GroupForm group={group} onBusyChange={setBusy} onClose={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
