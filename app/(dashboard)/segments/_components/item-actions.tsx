"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { deleteSegmentItemAction, moveSegmentItemAction } from "@/lib/segments/actions";

/** Move up/down and delete (asking first, and saying where it is used) for a group or question. */
export function ItemActions({
  kind,
  id,
  name,
  usedBy,
  isFirst,
  isLast,
  blocked,
}: {
  kind: "group" | "question";
  id: string;
  name: string;
  usedBy: string[];
  isFirst: boolean;
  isLast: boolean;
  blocked: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const noun = kind === "group" ? "group" : "question";

  function move(direction: "up" | "down") {
    startTransition(async () => {
      const result = await moveSegmentItemAction({ kind, id, direction });
      if (!result.ok) toast.error(result.message);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="ghost" size="icon" aria-label={`Move ${name} up`} disabled={isFirst || pending} onClick={() => move("up")}>
        <ArrowUp className="size-4" aria-hidden />
      </Button>
      <Button variant="ghost" size="icon" aria-label={`Move ${name} down`} disabled={isLast || pending} onClick={() => move("down")}>
        <ArrowDown className="size-4" aria-hidden />
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="dangerGhost" size="icon" aria-label={`Delete ${name}`}>
            <Trash2 className="size-4" aria-hidden />
          </Button>
        }
        title={`Delete “${name}”?`}
        description={
          usedBy.length === 0
            ? `The ${noun} isn't used anywhere.`
            : `This ${noun} is used. Deleting it also deletes ${kind === "group" ? "its segments, these questions and these field mappings" : "these field mappings"}:`
        }
        confirmLabel={`Delete ${noun}`}
        confirmVariant="danger"
        confirmDisabled={blocked}
        onConfirm={async () => {
          const result = await deleteSegmentItemAction({ kind, id });
          if (!result.ok) return result.message;
          const mappings = result.data.deletedMappings;
          toast.success(`Deleted “${result.data.name}”${mappings.length ? ` and its mapping to ${mappings.join(", ")}` : ""}.`);
          router.refresh();
        }}
      >
        {usedBy.length > 0 ? (
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            {usedBy.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        ) : null}
        {blocked ? (
          <Alert tone="error" className="mt-4">
            It is mapped to Intercom fields. Only an owner or admin can delete it.
          </Alert>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
