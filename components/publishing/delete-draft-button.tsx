"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/action";

/** Deletes a personalization or flow from the draft (the published version stays live), then opens its list. */
export function DeleteDraftButton({
  noun,
  name,
  listHref,
  onDelete,
}: {
  noun: string;
  name: string;
  listHref: string;
  onDelete: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="dangerGhost">
          <Trash2 className="size-4" aria-hidden />
          Delete {noun}
        </Button>
      }
      title={`Delete “${name}”?`}
      description="It is removed from the draft. Visitors keep seeing the published version until you publish again."
      confirmLabel="Delete"
      confirmVariant="danger"
      onConfirm={async () => {
        const result = await onDelete();
        if (!result.ok) return result.message;
        toast.success(`Deleted “${name}” from the draft. Publish to remove it from your site.`);
        router.push(listHref);
        router.refresh();
      }}
    />
  );
}
