"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { deleteFlowAction } from "@/lib/flows/actions";

export function DeleteFlowButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="ghost" className="text-red-700 hover:bg-red-50">
          <Trash2 className="size-4" aria-hidden />
          Delete flow
        </Button>
      }
      title={`Delete “${name}”?`}
      description="It is removed from the draft. Visitors keep seeing the published version until you publish again."
      confirmLabel="Delete"
      confirmVariant="danger"
      onConfirm={async () => {
        const result = await deleteFlowAction({ id });
        if (!result.ok) return result.message;
        toast.success(`Deleted “${name}” from the draft. Publish to remove it from your site.`);
        router.push("/flows");
        router.refresh();
      }}
    />
  );
}
