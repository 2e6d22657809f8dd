import type { AuditView } from "./audit";

/** One readable line per audit entry, for the overview and settings screens. */
export function describeAudit(entry: Pick<AuditView, "action" | "target" | "details" | "actorEmail">): string {
  const who = entry.actorEmail ?? "Someone";
  const d = entry.details ?? {};
  switch (entry.action) {
    case "member.added":
      return `${who} added ${entry.target} as ${String(d.role)}`;
    case "member.invited":
      return `${who} invited ${entry.target} as ${String(d.role)}`;
    case "member.invite_resent":
      return `${who} re-sent the invitation to ${entry.target}`;
    case "member.invite_revoked":
      return `${who} revoked the invitation to ${entry.target}`;
    case "member.joined":
      return `${entry.target} accepted the invitation and joined as ${String(d.role)}`;
    case "member.role_changed":
      return `${who} changed ${entry.target} from ${String(d.from)} to ${String(d.to)}`;
    case "member.removed":
      return `${who} removed ${entry.target}`;
    case "intercom.connected":
      return `${who} connected Intercom (${entry.target}, ${String(d.region)})`;
    case "intercom.token_replaced":
      return `${who} replaced the Intercom token (${entry.target}, ${String(d.region)})`;
    case "intercom.workspace_switched":
      return `${who} switched Intercom from ${String(d.fromAppName)} to ${entry.target} (${String(d.cancelledWrites ?? 0)} pending writes cancelled)`;
    case "intercom.recovered":
      return "Intercom accepts the token again: the connection recovered by itself";
    case "intercom.attributes_refreshed":
      return `Intercom attributes changed: ${attributeChanges(d)}`;
    case "intercom.disconnected":
      return `${who} disconnected Intercom (${entry.target})`;
    case "intercom.connect_failed":
      return `${who} tried to connect Intercom (${String(d.region)}): ${String(d.reason).replace(/_/g, " ")}`;
    case "intercom.tested":
      return `${who} tested the Intercom connection: ${d.ok ? "OK" : String(d.reason).replace(/_/g, " ")}`;
    case "segments.group_created":
      return `${who} created the segment group ${entry.target}`;
    case "segments.group_updated":
      return `${who} edited the segment group ${entry.target}`;
    case "segments.group_deleted":
      return `${who} deleted the segment group ${entry.target}${mappingsNote(d.deletedMappings)}`;
    case "segments.question_created":
      return `${who} added the question “${entry.target}”`;
    case "segments.question_updated":
      return `${who} edited the question “${entry.target}”`;
    case "segments.question_deleted":
      return `${who} deleted the question “${entry.target}”${mappingsNote(d.deletedMappings)}`;
    case "debug.contact_viewed":
      return `${who} looked up Intercom contact ${entry.target} in the debug panel`;
    case "debug.test_event":
      return `${who} sent a test data event to Intercom contact ${entry.target}${d.verified ? " (read back)" : ""}`;
    case "events.saved":
      return `${who} saved the Intercom data events (${String(d.total)} rules)`;
    case "mappings.saved":
      return `${who} saved the Intercom field mappings (${String(d.total)} in the draft)`;
    case "mappings.drift_detected":
      return `Intercom changed mapped attributes: ${Array.isArray(d.mappings) ? d.mappings.map((m) => String(m).replace(":", " ").replace("_", " ")).join(", ") : ""}`;
    case "intercom.attribute_created":
      return `${who} created the Intercom field ${entry.target} (${String(d.dataType)})`;
    case "debug.test_write":
      return `${who} wrote test values to Intercom contact ${entry.target} (${testValues(d.attributes)}): ${String(d.outcome)}`;
    case "personalization.created":
      return `${who} created the personalization for ${entry.target} (draft)`;
    case "personalization.updated":
      return `${who} edited the personalization for ${entry.target} (draft)`;
    case "personalization.deleted":
      return `${who} deleted the personalization for ${entry.target} (draft)`;
    case "flow.created":
      return `${who} created the flow ${entry.target} (draft)`;
    case "flow.updated":
      return `${who} edited the flow ${entry.target} (draft)`;
    case "flow.deleted":
      return `${who} deleted the flow ${entry.target} (draft)`;
    case "config.published":
      return `${who} published ${entry.target} (${String(d.changes)} change${d.changes === 1 ? "" : "s"})`;
    case "config.restored":
      return `${who} restored ${entry.target} as ${String(d.newVersion)}`;
    case "publish_request.submitted":
      return `${who} asked for review of ${String(d.changes)} draft change${d.changes === 1 ? "" : "s"}`;
    case "publish_request.withdrawn":
      return `${who} withdrew their publish request`;
    case "publish_request.approved":
      return `${who} approved a publish request (published as ${String(d.version)})`;
    case "publish_request.declined":
      return `${who} declined a publish request`;
    case "website.updated":
      return `${who} updated the website settings`;
    case "identity.secret_created":
      return `${who} generated the website's identity secret`;
    case "identity.secret_rotated":
      return `${who} rotated the website's identity secret`;
    case "identity.policy_changed":
      return `${who} changed identity verification from ${String(d.from)} to ${String(d.to)}`;
    case "sync.retried":
      return `${who} retried a ${String(d.previousStatus)} Intercom write for ${entry.target}`;
    default:
      return `${who}: ${entry.action}${entry.target ? ` (${entry.target})` : ""}`;
  }
}

function mappingsNote(deleted: unknown): string {
  return Array.isArray(deleted) && deleted.length > 0 ? ` and its mappings to ${deleted.join(", ")}` : "";
}

function testValues(attributes: unknown): string {
  if (!attributes || typeof attributes !== "object") return "";
  return Object.entries(attributes as Record<string, unknown>).map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(", ");
}

const CHANGE_WORDS: [string, string][] = [
  ["added", "new"],
  ["archived", "archived"],
  ["restored", "restored"],
  ["removed", "removed"],
  ["typeChanged", "type changed"],
  ["writabilityChanged", "writability changed"],
];

/** "favorite_color restored; seats archived" from the scheduled refresh's lists. */
function attributeChanges(d: Record<string, unknown>): string {
  const parts = CHANGE_WORDS.flatMap(([key, word]) => {
    const names = Array.isArray(d[key]) ? (d[key] as unknown[]).map(String) : [];
    return names.length > 0 ? [`${names.join(", ")} ${word}`] : [];
  });
  return parts.join("; ") || String(d.summary ?? "no changes");
}
