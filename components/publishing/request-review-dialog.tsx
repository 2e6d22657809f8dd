"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { submitPublishRequestAction } from "@/lib/publishing/request-actions";
import { submitPublishRequestSchema, type SubmitPublishRequestInput } from "@/lib/publishing/request-schema";
import { ChangeList } from "./change-list";

/** For members who edit but may not publish: why, and a way to send the draft to an owner or admin. */
export function RequestReviewDialog({ changes, blockers }: { changes: string[]; blockers: string[] }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useForm<SubmitPublishRequestInput>({ resolver: zodResolver(submitPublishRequestSchema), defaultValues: { note: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: SubmitPublishRequestInput) {
    const result = await submitPublishRequestAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success("Sent for review. You'll get a notification when it's answered.");
    form.reset({ note: "" });
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && setOpen(next)}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Send className="size-4" aria-hidden />
          <span className="hidden sm:inline">Request review</span>
          <span className="sr-only sm:hidden">Request review</span>
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
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
        <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate>
          {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
          <FormField id="request-note" label="Note for the reviewer" hint="Optional: what changed and why, or when it should go live." error={errors.note?.message}>
            <Textarea rows={3} maxLength={1000} disabled={isSubmitting} {...fieldAria("request-note", { error: errors.note?.message, hint: true })} {...form.register("note")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting} disabled={blockers.length > 0}>
              {isSubmitting ? "Sending…" : "Send for review"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
