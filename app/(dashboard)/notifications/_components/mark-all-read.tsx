"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

export function MarkAllRead() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await markNotificationsReadAction({});
          if (!result.ok) toast.error(result.message);
          router.refresh();
        })
      }
    >
      Mark all as read
    </Button>
  );
}
