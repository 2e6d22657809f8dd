"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { removeMemberAction } from "@/lib/members/actions";

export function RemoveMemberButton({ membershipId, email, isSelf }: { membershipId: string; email: string; isSelf: boolean }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" className="mt-4">
          Remove member
        </Button>
      }
      title={`Remove ${email}?`}
      description={isSelf ? "You will lose access to this workspace immediately." : "They will lose access to this workspace immediately."}
      confirmLabel="Remove"
      confirmVariant="danger"
      onConfirm={async () => {
        const result = await removeMemberAction({ membershipId });
        if (!result.ok) return result.message;
        toast.success(`${result.data.email} was removed.`);
        router.push(isSelf ? "/sign-in" : "/settings/members");
        router.refresh();
      }}
    />
  );
}
