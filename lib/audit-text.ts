import type { AuditView } from "./audit";

/** One readable line per audit entry, for the overview and settings screens. */
export function describeAudit(entry: Pick<AuditView, "action" | "target" | "details" | "actorEmail">): string {
  const who = entry.actorEmail ?? "Someone";
  const d = entry.details ?? {};
  switch (entry.action) {
    case "member.added":
      return `${who} added ${entry.target} as ${String(d.role)}`;
    case "member.role_changed":
      return `${who} changed ${entry.target} from ${String(d.from)} to ${String(d.to)}`;
    case "member.removed":
      return `${who} removed ${entry.target}`;
    case "intercom.connected":
      return `${who} connected Intercom (${entry.target}, ${String(d.region)})`;
    case "intercom.token_replaced":
      return `${who} replaced the Intercom token (${entry.target}, ${String(d.region)})`;
    case "intercom.disconnected":
      return `${who} disconnected Intercom (${entry.target})`;
    case "intercom.connect_failed":
      return `${who} tried to connect Intercom (${String(d.region)}): ${String(d.reason).replace(/_/g, " ")}`;
    case "intercom.tested":
      return `${who} tested the Intercom connection: ${d.ok ? "OK" : String(d.reason).replace(/_/g, " ")}`;
    default:
      return `${who}: ${entry.action}${entry.target ? ` (${entry.target})` : ""}`;
  }
}
