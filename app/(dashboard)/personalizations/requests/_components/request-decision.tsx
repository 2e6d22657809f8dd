"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Check, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { approvePublishRequestAction, declinePublishRequestAction } from "@/lib/publishing/request-actions";
import { declinePublishRequestSchema, type DeclinePublishRequestInput } from "@/lib/publishing/request-schema";

/** Approve (publishes the reviewed snapshot) or decline with a reason; shown to owners and admins. */
export function RequestDecision({
  id,
  requestedBy,
  nextVersion,
  laterChanges,
  canApprove,
}: {
  id: string;
  requestedBy: string;
  nextVersion: number;
  laterChanges: number;
  canApprove: boolean;
}) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmDialog
        trigger={
          <Button disabled={!canApprove}>
            <Check className="size-4" aria-hidden />
            Approve and publish
          </Button>
        }
        title={`Publish v${nextVersion}?`}
        description={
          laterChanges > 0
            ? `Exactly the changes you reviewed go live for every visitor. The ${laterChanges === 1 ? "edit" : `${laterChanges} edits`} made to the draft since the request stay unpublished.`
            : "Exactly the changes you reviewed go live for every visitor."
        }
        confirmLabel={`Publish v${nextVersion}`}
        onConfirm={async () => {
          const result = await approvePublishRequestAction({ id });
          if (!result.ok) return result.message;
          toast.success(`Published v${result.data.version}. ${requestedBy} has been told.`);
          router.refresh();
        }}
      />
      <DeclineDialog id={id} requestedBy={requestedBy} />
    </div>
  );
}

function DeclineDialog({ id, requestedBy }: { id: string; requestedBy: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useForm<DeclinePublishRequestInput>({ resolver: zodResolver(declinePublishRequestSchema), defaultValues: { id, reason: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: DeclinePublishRequestInput) {
    const result = await declinePublishRequestAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success(`Declined. ${requestedBy} has been told why.`);
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <X className="size-4" aria-hidden />
          Decline
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Decline this request</DialogTitle>
        <DialogDescription>Nothing is published. {requestedBy} gets your reason in Tailor and by email, and the draft stays as it is.</DialogDescription>
        <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate>
          {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
          <FormField id="decline-reason" label="Reason" error={errors.reason?.message}>
            <Textarea rows={3} maxLength={1000} disabled={isSubmitting} {...fieldAria("decline-reason", { error: errors.reason?.message })} {...form.register("reason")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" pending={isSubmitting}>
              {isSubmitting ? "Declining…" : "Decline request"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
