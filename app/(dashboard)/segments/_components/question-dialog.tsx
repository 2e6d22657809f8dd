"use client";

import { Pencil, Plus } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { QuestionView } from "@/lib/segments/segments";
import type { GroupOption } from "./question-form";

// The form (react-hook-form + zod) loads when the dialog opens (React.lazy: next/dynamic would add its loader to every page).
const QuestionForm = lazy(() => import("./question-form").then((m) => ({ default: m.QuestionForm })));

export function QuestionDialog({ mode, groups, question }: { mode: "create" | "edit"; groups: GroupOption[]; question?: QuestionView }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <DialogTrigger asChild>
        {mode === "create" ? (
          <Button variant="secondary">
            <Plus className="size-4" aria-hidden />
            New question
          </Button>
        ) : (
          <Button variant="ghost" size="icon" aria-label={`Edit ${question?.text}`}>
            <Pencil className="size-4" aria-hidden />
          </Button>
        )}
      </DialogTrigger>
      <DialogContent size="2xl" className="max-h-[90dvh] overflow-y-auto">
        <DialogTitle>{mode === "create" ? "New question" : "Edit question"}</DialogTitle>
        <DialogDescription>Each answer assigns one segment of the chosen group.</DialogDescription>
        <Suspense fallback={<p className="mt-4 text-sm text-zinc-500">Loading…</p>}>
          <QuestionForm groups={groups} question={question} onBusyChange={setBusy} onClose={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
