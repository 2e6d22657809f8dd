"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { restoreVersionAction } from "@/lib/publishing/actions";

export function RestoreVersionButton({ version, nextVersion }: { version: number; nextVersion: number }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" className="shrink-0 self-start">
          <RotateCcw className="size-4" aria-hidden />
          Restore<span className="sr-only"> v{version}</span>
        </Button>
      }
      title={`Restore v${version}?`}
      description={`Its personalizations and field mappings replace the current draft, including unpublished edits, and go live at once as v${nextVersion}. Older versions stay listed.`}
      confirmLabel={`Restore and publish v${nextVersion}`}
      onConfirm={async () => {
        const result = await restoreVersionAction({ version });
        if (!result.ok) return result.message;
        toast.success(`Restored v${version} as v${result.data.version}`);
        router.refresh();
      }}
    />
  );
}
