"use client";

import { Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { withdrawPublishRequestAction } from "@/lib/publishing/request-actions";

export function WithdrawRequestButton({ id }: { id: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary">
          <Undo2 className="size-4" aria-hidden />
          Withdraw request
        </Button>
      }
      title="Withdraw this request?"
      description="Reviewers no longer see it. Your draft stays as it is, and you can send it for review again."
      confirmLabel="Withdraw"
      onConfirm={async () => {
        const result = await withdrawPublishRequestAction({ id });
        if (!result.ok) return result.message;
        toast.success("Request withdrawn.");
        router.refresh();
      }}
    />
  );
}
