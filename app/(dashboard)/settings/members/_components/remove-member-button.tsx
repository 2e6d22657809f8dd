"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { removeMemberAction } from "@/lib/members/actions";

export function RemoveMemberButton({ membershipId, email, isSelf }: { membershipId: string; email: string; isSelf: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await removeMemberAction({ membershipId });
      if (!result.ok) return setError(result.message);
      toast.success(`${result.data.email} was removed.`);
      setOpen(false);
      router.push(isSelf ? "/sign-in" : "/settings/members");
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger" className="mt-4">
          Remove member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Remove {email}?</DialogTitle>
        <DialogDescription>
          {isSelf ? "You will lose access to this workspace immediately." : "They will lose access to this workspace immediately."}
        </DialogDescription>
        {error ? (
          <Alert tone="error" className="mt-4">
            {error}
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant="danger" onClick={remove} pending={pending}>
            Remove
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
