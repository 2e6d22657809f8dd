"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";
import { makeQueryClient } from "@/lib/query-client";

let browserClient: QueryClient | undefined;

/** One client per page in the browser, shared by every island that uses it; a new one per server render. */
function queryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}

/**
 * react-query for the screens that refresh data in place (debug panel, Intercom pages, the
 * personalization preview). It is not in the root layout: those screens are interaction islands
 * (components/interaction-island.tsx) that wrap themselves with `withQueryClient` when their chunk
 * loads, so react-query loads with them, not with the page.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}

export function withQueryClient<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithQueryClient(props: P) {
    return (
      <Providers>
        <Component {...props} />
      </Providers>
    );
  }
  WithQueryClient.displayName = `WithQueryClient(${Component.displayName ?? Component.name})`;
  return WithQueryClient;
}
