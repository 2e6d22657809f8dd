"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { ChangeList } from "./change-list";
import { submitPublishRequestAction } from "@/lib/publishing/request-actions";
import { submitPublishRequestSchema, type SubmitPublishRequestInput } from "@/lib/publishing/request-schema";

/** The request dialog's body: the changes, what blocks them, the form; loaded when the dialog opens, so the shell doesn't carry it. */
export function RequestReviewBody({ changes, blockers, onBusyChange, onDone }: { changes: string[]; blockers: string[]; onBusyChange: (busy: boolean) => void; onDone: () => void }) {
  return (
    <>
      <ChangeList changes={changes} label="Changes to review" className="mt-4 max-h-[35dvh] list-disc space-y-1.5 overflow-y-auto pl-5 text-sm text-zinc-800" />
      {blockers.length > 0 ? (
        <Alert tone="error" className="mt-4">
          <p className="font-medium">Fix these before asking for review</p>
          <ChangeList changes={blockers} label="Problems to fix" className="list-disc space-y-1 pl-5" />
        </Alert>
      ) : null}
      <RequestReviewForm disabled={blockers.length > 0} onBusyChange={onBusyChange} onDone={onDone} />
    </>
  );
}

/** The note and "Send for review". */
export function RequestReviewForm({ disabled, onBusyChange, onDone }: { disabled: boolean; onBusyChange: (busy: boolean) => void; onDone: () => void }) {
  const router = useRouter();
  const form = useForm<SubmitPublishRequestInput>({ resolver: zodResolver(submitPublishRequestSchema), defaultValues: { note: "" } });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => onBusyChange(isSubmitting), [isSubmitting, onBusyChange]);

  async function onSubmit(values: SubmitPublishRequestInput) {
    const result = await submitPublishRequestAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success("Sent for review. You'll get a notification when it's answered.");
    onDone();
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate>
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id="request-note" label="Note for the reviewer" hint="Optional: what changed and why, or when it should go live." error={errors.note?.message}>
        <Textarea rows={3} maxLength={1000} disabled={isSubmitting} {...fieldAria("request-note", { error: errors.note?.message, hint: true })} {...form.register("note")} />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting} disabled={disabled}>
          {isSubmitting ? "Sending…" : "Send for review"}
        </Button>
      </DialogFooter>
    </form>
  );
}
