import type { ConnectionView } from "./connection";

/** The one-line status used on the Integrations card and the Intercom page. */
export function connectionStatusText(view: ConnectionView): string {
  switch (view.status) {
    case "not_connected":
      return "Not connected";
    case "connected":
      return `Connected to ${view.appName} · ${view.region}`;
    case "needs_attention":
      return `Needs attention: ${view.reason ?? "Intercom rejected the saved token."}`;
  }
}

export const statusTone = { not_connected: "neutral", connected: "success", needs_attention: "warning" } as const;
