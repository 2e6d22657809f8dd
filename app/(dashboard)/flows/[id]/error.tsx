"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function FlowError({ reset }: { error: Error; reset: () => void }) {
  return (
    <Alert tone="error">
      <p>This flow could not be loaded.</p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={reset}>
        Try again
      </Button>
    </Alert>
  );
}
