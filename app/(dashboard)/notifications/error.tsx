"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function NotificationsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <Alert tone="error">
      <p>The notifications could not be loaded.</p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={reset}>
        Try again
      </Button>
    </Alert>
  );
}
