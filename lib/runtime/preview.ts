import "server-only";
import { UserFacingError } from "@/lib/errors";
import { getConnectionView, NotConnectedError } from "@/lib/intercom-integration/connection";
import { IntercomError, IntercomNotFoundError } from "@/lib/intercom";
import type { RuleContact } from "@/lib/rules/evaluate";
import { getLiveConfig } from "@/lib/publishing/versions";
import { loadRuleContact } from "@/lib/runtime/contact";
import { knownSegments } from "@/lib/runtime/known-segments";
import { resolveContact } from "@/lib/runtime/visitors";
import { identityOf, previewDraft, type PreviewOutcome } from "@/lib/personalizations/preview-result";
import type { PersonalizationDraft } from "@/lib/personalizations/schema";
import { holdoutNote } from "@/lib/analytics/holdout";
import { latestVisitorOf } from "@/lib/runtime/contact-visitor";

export class PreviewError extends UserFacingError {}

const NOT_CONNECTED = "Intercom is not connected, so there is no contact to preview with. Connect it under Integrations.";
const unavailable = (kind: string) => `Intercom is unavailable right now (${kind}). Try the preview again in a moment.`;

export type PreviewContact = { id: string; name: string | null; email: string | null; linkReason: string };
/** `holdout`: whether the contact is in the draft's holdout (null: no holdout applies). */
export type PreviewResult = PreviewOutcome & { contact: PreviewContact; holdout: string | null };

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * Evaluates the unsaved draft being edited for one Intercom contact, with the same contact data
 * the runtime uses. Preview contacts have no Tailor answers, so segment conditions see none.
 */
export async function previewPersonalization(workspaceId: string, contact: string, draft: PersonalizationDraft): Promise<PreviewResult> {
  const connection = await getConnectionView(workspaceId);
  if (connection.status === "not_connected") throw new PreviewError(NOT_CONNECTED);
  if (connection.status === "needs_attention") {
    throw new PreviewError(`Intercom needs attention: ${connection.reason ?? "the connection stopped working"} Fix it under Integrations to preview.`);
  }

  const identity = identityOf(contact);
  const resolved = await resolveContact(workspaceId, identity);
  if (!resolved.linked || !resolved.intercomContactId) {
    if (resolved.outcome === "unavailable") throw new PreviewError(`Intercom is unavailable right now. Try the preview again in a moment.`);
    if (resolved.outcome === "not_connected") throw new PreviewError(NOT_CONNECTED);
    throw new PreviewError(
      "email" in identity ? `No Intercom contact has the email ${identity.email}.` : `No Intercom contact has the id ${identity.intercomContactId}.`,
    );
  }

  let ruleContact: RuleContact;
  try {
    ruleContact = await loadRuleContact(workspaceId, resolved.intercomContactId);
  } catch (error) {
    if (error instanceof NotConnectedError) throw new PreviewError(NOT_CONNECTED);
    if (error instanceof IntercomNotFoundError) throw new PreviewError("That Intercom contact no longer exists.");
    if (error instanceof IntercomError) throw new PreviewError(unavailable(error.kind));
    throw error;
  }

  // No visitor here, so segment conditions see only what the contact's mapped fields say (live mappings).
  const { mappings } = (await getLiveConfig(workspaceId)).snapshot;
  const segments = await knownSegments(workspaceId, {}, ruleContact, mappings);
  const outcome = previewDraft(draft, { intercom: { available: true, contact: ruleContact }, segments });
  const holdout = holdoutNote(workspaceId, draft, outcome.winner !== null, await latestVisitorOf(workspaceId, resolved.intercomContactId));
  return {
    ...outcome,
    holdout,
    contact: {
      id: resolved.intercomContactId,
      name: text(ruleContact.standard.name),
      email: text(ruleContact.standard.email),
      linkReason: resolved.reason,
    },
  };
}
