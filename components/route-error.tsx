"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type RouteErrorProps = { error: Error; reset: () => void };

/** The body of every route's error.tsx: `export default routeError("The flows could not be loaded.")`. */
export function routeError(message: string) {
  function RouteError({ reset }: RouteErrorProps) {
    return (
      <Alert tone="error">
        <p>{message}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={reset}>
          Try again
        </Button>
      </Alert>
    );
  }
  return RouteError;
}
