import type { ReactNode } from "react";
import { IntentLink } from "./intent-link";

/**
 * "← Personalizations": the link from a page back to its list or parent. It prefetches on hover or focus
 * (IntentLink), so a page doesn't load the parent's code up front (docs/performance.md).
 */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <IntentLink href={href} className="text-sm text-brand-700 hover:underline">
      ← {children}
    </IntentLink>
  );
}
