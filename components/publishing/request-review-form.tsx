"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { submitPublishRequestAction } from "@/lib/publishing/request-actions";
import { submitPublishRequestSchema, type SubmitPublishRequestInput } from "@/lib/publishing/request-schema";

/** The note and "Send for review"; loaded when the dialog opens, so the shell doesn't carry the form code. */
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
