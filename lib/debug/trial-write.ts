import "server-only";
import { recordAudit } from "@/lib/audit";
import { RuleViolationError } from "@/lib/errors";
import { NotConnectedError, withIntercom } from "@/lib/intercom-integration/connection";
import { excludedMappings, writeBackOffReason } from "@/lib/intercom-integration/health";
import { isIntercomError } from "@/lib/intercom";
import { contactCache } from "@/lib/intercom-integration/contact-cache";
import { recordTrialWrite } from "@/lib/sync";
import { attributeDefinitions, buildContactView, DEBUG_INTERCOM_OPTIONS, loadWritePlan, readContact, refreshContactCache } from "./contact";
import { explainIntercomFailure } from "./messages";
import { diffWrite, plannedValues, verificationMessage, verifyWrite } from "./plan";
import type { TrialWriteInput } from "./schema";
import { createCallRecorder } from "./telemetry";
import type { ScalarValue, TrialWriteResult, WriteRow } from "./types";

type Actor = { workspaceId: string; userId: string };

/**
 * "Write test values": the chosen segments become attribute values through the mappings (the
 * values are computed here, never taken from the browser), go to Intercom at once in one PUT
 * without retries, and the contact is read back to check that Intercom kept them. Audited either way.
 */
export async function runTrialWrite(actor: Actor, input: TrialWriteInput): Promise<TrialWriteResult> {
  const off = await writeBackOffReason(actor.workspaceId);
  if (off) throw new RuleViolationError(off);
  const plan = await loadWritePlan(actor.workspaceId);
  if (plan.source === "none") throw new RuleViolationError("There are no enabled field mappings, so there is nothing to write.");
  const planned = plannedValues(plan, input.selections);
  if (planned.problems.length > 0) throw new RuleViolationError(planned.problems[0]!);
  if (planned.values.length === 0) throw new RuleViolationError("Choose a value for at least one segment group.");
  // A test write must not reach an attribute the sync engine excludes (archived, missing, read-only, retyped).
  const excluded = await excludedMappings(actor.workspaceId);
  const refused = planned.values.filter((v) => excluded.has(v.attribute)).map((v) => excluded.get(v.attribute)!);
  if (refused.length > 0) {
    throw new RuleViolationError(`Not written: ${refused.join("; ")}. This mapping is excluded from syncing until it is fixed in Integrations → Intercom → Field mapping.`);
  }
  const sent: Record<string, ScalarValue> = Object.fromEntries(planned.values.map((v) => [v.attribute, v.value]));

  const rec = createCallRecorder();
  const id = input.contactId;
  let rows: WriteRow[] = planned.values.map((v) => ({ attribute: v.attribute, group: v.group, before: undefined, after: v.value, changed: true }));
  let written = false;
  // The PUT itself, for the sync log (kind "test"): set once it was attempted.
  let put: { startedAt: number; email: string | null } | null = null;
  const logWrite = (result: { ok: boolean; status?: number; errorCode?: string; errorMessage?: string }) =>
    put &&
    recordTrialWrite({
      workspaceId: actor.workspaceId,
      contactId: id,
      contactEmail: put.email,
      values: sent,
      actorUserId: actor.userId,
      result: { ...result, durationMs: Date.now() - put.startedAt },
    });
  const audit = (outcome: string, message: string) =>
    recordAudit({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: "debug.test_write",
      target: id,
      details: {
        contactId: id,
        attributes: sent,
        config: plan.source === "published" ? `published v${plan.version}` : plan.source,
        outcome,
        message,
      },
    });

  try {
    const after = await withIntercom(
      actor.workspaceId,
      async (client) => {
        const before = await rec.track("Read contact before the write", { method: "GET", path: `/contacts/${id}` }, () => client.getContact(id));
        rows = diffWrite(planned.values, before.customAttributes);
        put = { startedAt: Date.now(), email: before.email };
        await rec.track("Write test values", { method: "PUT", path: `/contacts/${id}`, request: { custom_attributes: sent }, primary: true }, () =>
          client.updateContactCustomAttributes(id, sent),
        );
        written = true;
        await logWrite({ ok: true, status: 200 });
        contactCache().invalidate(actor.workspaceId, id);
        const loaded = await readContact(client, rec, id, { operation: "Re-read contact to verify", primary: false });
        return { loaded, defs: await attributeDefinitions(actor.workspaceId, client, rec) };
      },
      { ...DEBUG_INTERCOM_OPTIONS, onResponse: rec.onResponse },
    );
    await refreshContactCache(actor.workspaceId, after.loaded);
    const checks = verifyWrite(sent, after.loaded.contact.customAttributes);
    const message = verificationMessage(checks);
    const outcome = checks.every((c) => c.ok) ? "verified" : "mismatch";
    await audit(outcome, message);
    const contact = await buildContactView(actor.workspaceId, after.loaded, after.defs);
    return { outcome, message, rows, checks, contact, calls: rec.calls() };
  } catch (error) {
    if (!isIntercomError(error) && !(error instanceof NotConnectedError)) throw error;
    contactCache().invalidate(actor.workspaceId, id);
    const message = written
      ? `Intercom accepted the write, but the contact could not be read back to verify it: ${explainIntercomFailure(error, "lookup")}`
      : explainIntercomFailure(error, "write");
    if (!written && isIntercomError(error)) await logWrite({ ok: false, status: error.status, errorCode: error.code ?? error.kind, errorMessage: message });
    await audit(written ? "unverified" : "failed", message);
    return { outcome: "failed", message, rows, contact: null, calls: rec.calls() };
  }
}
