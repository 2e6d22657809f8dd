"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/query-client";

/**
 * react-query for the screens that refresh data in place (debug panel, Intercom pages, the
 * personalization preview). Mounted by those routes' layouts (the editor by its page, so its Results tab
 * doesn't load it), not the root, so other pages don't load it; links to them on other pages prefetch on
 * intent (components/intent-link.tsx), else the prefetch would load it there too.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
