"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { deleteGoalAction } from "@/lib/analytics/actions";

export function DeleteGoalButton({ goalKey, name }: { goalKey: string; name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    const result = await deleteGoalAction({ key: goalKey });
    setPending(false);
    if (!result.ok) return toast.error(result.message);
    toast.success(`Deleted goal “${name}”.`);
    router.refresh();
  }
  return (
    <Button type="button" variant="secondary" size="sm" pending={pending} onClick={onClick} aria-label={`Delete goal ${name}`}>
      Delete
    </Button>
  );
}
