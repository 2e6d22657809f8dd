import "server-only";
import { formatTime } from "@/lib/format";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { UserFacingError } from "@/lib/errors";
import {
  createIntercomClient,
  IntercomAuthError,
  IntercomError,
  IntercomRegionMismatchError,
  IntercomUnavailableError,
    verifyToken,
  type CreateIntercomClientOptions,
  type IntercomRegion,
  type TailorIntercomClient,
} from "@/lib/intercom";
import type { z } from "zod";
import { contactCache } from "@/lib/intercom-integration/contact-cache";
import { broadcastInvalidate } from "@/lib/shared/bus";
import { notify } from "@/lib/notifications";
import { canWriteBack, noteOutcome, resetHealth, saveCapabilities } from "./health";
import type { connectIntercomSchema } from "./schema";

export type ConnectionView =
  | { status: "not_connected" }
  | {
      status: "connected" | "needs_attention";
      reason: string | null;
      region: IntercomRegion;
      appName: string;
      appId: string;
      tokenHint: string;
      connectedBy: string | null;
      connectedAt: Date;
      verifiedAt: Date;
    };

type Actor = { workspaceId: string; userId: string };

const NEEDS_ATTENTION_REVOKED =
  "Intercom no longer accepts the saved access token (it was revoked or regenerated). Replace the token to reconnect.";

/** What the UI may know about the connection: never the token, only its last 4 characters. */
export async function getConnectionView(workspaceId: string): Promise<ConnectionView> {
  const c = tables.intercomConnections;
  const [row] = await getDb()
    .select({
      status: c.status,
      reason: c.statusReason,
      region: c.region,
      appName: c.intercomAppName,
      appId: c.intercomAppId,
      tokenHint: c.tokenHint,
      connectedBy: tables.users.email,
      connectedAt: c.connectedAt,
      verifiedAt: c.verifiedAt,
    })
    .from(c)
    .leftJoin(tables.users, eq(tables.users.id, c.connectedByUserId))
    .where(eq(c.workspaceId, workspaceId));
  return row ?? { status: "not_connected" };
}

export class IntercomConnectError extends UserFacingError {
  constructor(
    message: string,
    opts: { fieldErrors?: Record<string, string>; suggestedRegion?: IntercomRegion } = {},
  ) {
    super(message, { fieldErrors: opts.fieldErrors, details: opts.suggestedRegion ? { suggestedRegion: opts.suggestedRegion } : undefined });
  }
}

const regionName: Record<IntercomRegion, string> = { US: "the US", EU: "the EU", AU: "Australia" };


/** Turns a failed verification into a message a marketer can act on. Nothing is saved on any of these. */
export function explainConnectFailure(error: IntercomError): IntercomConnectError {
  switch (error.kind) {
    case "region_mismatch": {
      const actual = (error as IntercomRegionMismatchError).actual;
      return new IntercomConnectError(`This token belongs to an Intercom workspace hosted in ${regionName[actual]}.`, {
        fieldErrors: { region: `This token belongs to an Intercom workspace hosted in ${regionName[actual]}.` },
        suggestedRegion: actual,
      });
    }
    case "invalid_token":
      return new IntercomConnectError("Intercom did not accept this token in any region.", {
        fieldErrors: {
          token: "Intercom doesn't recognise this token. Copy it again from the Developer Hub; it may have been regenerated.",
        },
      });
    case "permission":
      return new IntercomConnectError(
        "This token is valid but lacks permission to read workspace details. In the Developer Hub, give the app read access to admins and contacts, then copy the new token.",
      );
    case "rate_limited":
      return new IntercomConnectError(
        `Intercom is rate-limiting this token until ${formatTime((error as IntercomError & { resetAt: Date }).resetAt)}. Nothing was saved; try again then.`,
      );
    case "unavailable":
      return new IntercomConnectError("Intercom is unreachable right now. Nothing was saved; try again in a minute.");
    default:
      return new IntercomConnectError("Intercom refused the connection. Nothing was saved.");
  }
}

/**
 * Verifies the token with /me on the chosen region's host and, only then, stores it encrypted.
 * On any failure nothing changes: a previous good connection stays as it was.
 */
export async function connectIntercom(actor: Actor, input: z.output<typeof connectIntercomSchema>): Promise<ConnectionView> {
  const previous = await getConnectionView(actor.workspaceId);
  const isReplace = previous.status !== "not_connected";
  let workspace;
  try {
    workspace = await verifyToken({ token: input.token, region: input.region });
  } catch (error) {
    if (!(error instanceof IntercomError)) throw error;
    await recordAudit({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: "intercom.connect_failed",
      details: { region: input.region, reason: error.kind, replace: isReplace },
    });
    throw explainConnectFailure(error);
  }

  const fromApp = previous.status === "not_connected" ? null : { fromAppName: previous.appName, fromAppId: previous.appId };
  const isSwitch = fromApp !== null && fromApp.fromAppId !== workspace.idCode;
  if (isSwitch && !input.confirmWorkspaceSwitch) {
    throw new WorkspaceSwitchError(fromApp.fromAppName, workspace.appName, await workspaceSwitchEffects(actor.workspaceId, fromApp.fromAppName, workspace.appName));
  }
  // Harmless probe (docs/intercom-client.md): can this token write contacts and create attributes?
  const capabilities = await createIntercomClient({ token: input.token, region: input.region }).probeCapabilities().catch(() => ({ canWrite: null, canCreateAttributes: null }));

  const now = new Date();
  const values = {
    region: input.region,
    tokenCiphertext: encryptSecret(input.token, actor.workspaceId),
    tokenHint: input.token.slice(-4),
    intercomAppName: workspace.appName,
    intercomAppId: workspace.idCode,
    status: "connected" as const,
    statusReason: null,
    connectedByUserId: actor.userId,
    connectedAt: now,
    verifiedAt: now,
  };
  await getDb().transaction(async (tx) => {
    await tx
      .insert(tables.intercomConnections)
      .values({ workspaceId: actor.workspaceId, ...values })
      .onConflictDoUpdate({ target: tables.intercomConnections.workspaceId, set: values });
    await resetHealth(actor.workspaceId, tx);
    await saveCapabilities(actor.workspaceId, capabilities, tx);
    if (capabilities.canWrite === false) {
      await notify(
        actor.workspaceId,
        {
          kind: "read_only",
          title: "Intercom connected with a read-only token",
          body: `Tailor can read ${workspace.appName} but not write to it, so write-back is off and nothing is queued for Intercom. Replace the token with one that can write contacts to turn it on.`,
          link: "/integrations/intercom",
        },
        tx,
      );
    }
    let switchDetails = {};
    if (isSwitch) switchDetails = await applyWorkspaceSwitch(actor.workspaceId, tx);
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: isSwitch ? "intercom.workspace_switched" : isReplace ? "intercom.token_replaced" : "intercom.connected",
        target: workspace.appName,
        details: {
          region: input.region,
          appId: workspace.idCode,
          tokenHint: values.tokenHint,
          canWrite: capabilities.canWrite,
          ...(isSwitch ? { ...fromApp, ...switchDetails } : {}),
        },
      },
      tx,
    );
  });
  // Every node drops its copies of the old workspace's contacts (their local LRU would serve them
  // up to the cache TTL otherwise); after commit, so no node re-reads a link that is being removed.
  if (isSwitch) await broadcastInvalidate("contact", actor.workspaceId);
  return getConnectionView(actor.workspaceId);
}

/** Replacing the token with one for another Intercom workspace: confirmed separately, listing what changes. */
export class WorkspaceSwitchError extends UserFacingError {
  constructor(from: string, to: string, effects: string[]) {
    super(`This token belongs to another Intercom workspace (${to}, not ${from}). Confirm the switch to continue.`, {
      details: { workspaceSwitch: "true", from, to, effects: effects.join("\n") },
    });
  }
}

const OPEN_CONTACT_JOBS = ["pending", "paused", "failed"] as const;

/** What switching workspaces does, in words, for the confirm dialog. */
export async function workspaceSwitchEffects(workspaceId: string, from: string, to: string): Promise<string[]> {
  const db = getDb();
  const m = tables.fieldMappings;
  const j = tables.syncJobs;
  const v = tables.visitors;
  const mappings = await db.select({ attribute: m.attributeName, enabled: m.enabled }).from(m).where(eq(m.workspaceId, workspaceId));
  const names = [...new Set(mappings.map((r) => r.attribute))];
  const jobs = await db.select({ status: j.status, contactId: j.contactId }).from(j).where(and(eq(j.workspaceId, workspaceId), inArray(j.status, [...OPEN_CONTACT_JOBS, "waiting_identification"])));
  const toContacts = jobs.filter((x) => x.contactId && x.status !== "failed").length;
  const waiting = jobs.filter((x) => x.status === "waiting_identification").length;
  const linked = await db.select({ id: v.id }).from(v).where(and(eq(v.workspaceId, workspaceId), isNotNull(v.intercomContactId)));
  const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace("#", String(n)));
  return [
    names.length > 0
      ? `${plural(names.length, "1 field mapping points", "# field mappings point")} at attributes of ${from} (${names.slice(0, 5).join(", ")}${names.length > 5 ? "…" : ""}) that may not exist in ${to}; ${names.length === 1 ? "it is" : "they are"} flagged "not in the newly connected workspace" and left out of syncing until fixed.`
      : "No field mappings are affected.",
    `${plural(toContacts, "1 pending write", "# pending writes")} to ${from} contacts will be cancelled (contact ids of one workspace mean nothing in another).`,
    `${plural(waiting, "1 write waiting", "# writes waiting")} for visitor identification will be re-targeted to ${to} contacts when those visitors are identified.`,
    `${plural(linked.length, "1 visitor link", "# visitor links")} to ${from} contacts and the cached contacts and attributes of ${from} are dropped; visitors are matched again in ${to}.`,
  ];
}

async function applyWorkspaceSwitch(workspaceId: string, tx: DbOrTx): Promise<Record<string, number>> {
  const j = tables.syncJobs;
  const now = new Date();
  const cancelled = await tx
    .update(j)
    .set({ status: "failed", lastErrorCode: "workspace_switched", lastErrorMessage: "Cancelled: Intercom was switched to another workspace, where this contact does not exist.", finishedAt: now, updatedAt: now, lockedBy: null, lockedUntil: null })
    .where(and(eq(j.workspaceId, workspaceId), inArray(j.status, ["pending", "paused"]), isNotNull(j.contactId)))
    .returning({ id: j.id });
  const v = tables.visitors;
  const oldContacts = await tx.selectDistinct({ id: v.intercomContactId }).from(v).where(and(eq(v.workspaceId, workspaceId), isNotNull(v.intercomContactId)));
  for (const { id } of oldContacts) if (id) contactCache().invalidate(workspaceId, id);
  const unlinked = await tx
    .update(tables.visitors)
    .set({ intercomContactId: null, linkReason: null })
    .where(and(eq(tables.visitors.workspaceId, workspaceId), isNotNull(tables.visitors.intercomContactId)))
    .returning({ id: tables.visitors.id });
  // The old workspace's attribute cache means nothing here: mappings say "not in the newly connected workspace" until reloaded.
  await tx.delete(tables.intercomAttributes).where(eq(tables.intercomAttributes.workspaceId, workspaceId));
  await tx.delete(tables.intercomAttributeLoads).where(eq(tables.intercomAttributeLoads.workspaceId, workspaceId));
  await tx.update(tables.fieldMappings).set({ driftReason: "not_in_workspace" }).where(eq(tables.fieldMappings.workspaceId, workspaceId));
  return { cancelledWrites: cancelled.length, unlinkedVisitors: unlinked.length };
}

export async function disconnectIntercom(actor: Actor): Promise<void> {
  await getDb().transaction(async (tx) => {
    const deleted = await tx
      .delete(tables.intercomConnections)
      .where(eq(tables.intercomConnections.workspaceId, actor.workspaceId))
      .returning({ appName: tables.intercomConnections.intercomAppName });
    if (deleted.length === 0) return;
    await recordAudit(
      { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "intercom.disconnected", target: deleted[0]!.appName },
      tx,
    );
  });
}

/** Returns true when the status actually changed (so a flip is announced once, not on every 401). */
async function setStatus(workspaceId: string, status: "connected" | "needs_attention", reason: string | null): Promise<boolean> {
  const c = tables.intercomConnections;
  const db = getDb();
  const [before] = await db.select({ status: c.status }).from(c).where(eq(c.workspaceId, workspaceId));
  await db
    .update(c)
    .set(status === "connected" ? { status, statusReason: null, verifiedAt: new Date() } : { status, statusReason: reason })
    .where(eq(c.workspaceId, workspaceId));
  const changed = before !== undefined && before.status !== status;
  if (changed && status === "needs_attention") {
    await notify(workspaceId, {
      kind: "connection",
      title: "Intercom connection needs attention",
      body: `${reason ?? "Intercom rejected the saved token."} Writes are paused; Tailor re-checks the token regularly.`,
      link: "/integrations/intercom",
    });
  }
  if (changed && status === "connected") {
    await notify(workspaceId, { kind: "connection", title: "Intercom connection recovered", body: "Intercom accepts the token again; paused writes resume.", link: "/integrations/intercom" });
    await recordAudit({ workspaceId, actorUserId: null, action: "intercom.recovered" });
  }
  return changed;
}

export class NotConnectedError extends UserFacingError {
  constructor() {
    super("Intercom is not connected. Connect it in Integrations → Intercom first.");
  }
}

/**
 * Runs `fn` with a client for the workspace's stored token. A 401 from any call flips the
 * connection to "needs attention" so the Integrations page tells people what to do.
 */
export async function withIntercom<T>(
  workspaceId: string,
  fn: (client: TailorIntercomClient, region: IntercomRegion) => Promise<T>,
  clientOptions: Pick<CreateIntercomClientOptions, "timeoutMs" | "maxRetries" | "writeTimeoutMs" | "writeMaxRetries" | "onResponse"> = {},
): Promise<T> {
  const onResponse: CreateIntercomClientOptions["onResponse"] = (info) => {
    // Health from real traffic (lib/intercom-integration/health.ts): in memory now, flushed every few seconds.
    const write = info.method === "PUT" || (info.method === "POST" && info.path !== "/contacts/search") || info.method === "DELETE";
    if (!info.probe) noteOutcome(workspaceId, write ? "write" : "read", info.status);
    clientOptions.onResponse?.(info);
  };
  const c = tables.intercomConnections;
  const [row] = await getDb()
    .select({ region: c.region, tokenCiphertext: c.tokenCiphertext })
    .from(c)
    .where(eq(c.workspaceId, workspaceId));
  if (!row) throw new NotConnectedError();
  const client = createIntercomClient({ token: decryptSecret(row.tokenCiphertext, workspaceId), region: row.region, ...clientOptions, onResponse });
  try {
    return await fn(client, row.region);
  } catch (error) {
    if (error instanceof IntercomAuthError) await setStatus(workspaceId, "needs_attention", NEEDS_ATTENTION_REVOKED);
    if (error instanceof IntercomUnavailableError && error.status === undefined) noteOutcome(workspaceId, "read", "network");
    throw error;
  }
}

export type RecheckResult =
  | { ok: true; recovered: boolean; capabilities: { canWrite: boolean | null; canCreateAttributes: boolean | null } | null }
  | { ok: false; kind: string };

/**
 * The scheduled check (lib/intercom-integration/refresh.ts): /me and the capability probe with the stored
 * token. A success clears "needs attention" by itself; a 401 keeps (or sets) it.
 */
export async function recheckConnection(workspaceId: string): Promise<RecheckResult> {
  try {
    const capabilities = await withIntercom(workspaceId, async (client) => {
      await client.getWorkspace();
      return client.probeCapabilities();
    });
    const recovered = await setStatus(workspaceId, "connected", null);
    const before = await canWriteBack(workspaceId);
    if (before && capabilities.canWrite === false) {
      await notify(workspaceId, {
        kind: "read_only",
        title: "Intercom token is now read-only",
        body: "The token can no longer write contacts, so write-back is off. Give the app write access in Intercom's Developer Hub and replace the token.",
        link: "/integrations/intercom",
      });
    }
    return { ok: true, recovered, capabilities };
  } catch (error) {
    if (error instanceof IntercomError) return { ok: false, kind: error.kind };
    if (error instanceof NotConnectedError) return { ok: false, kind: "not_connected" };
    throw error;
  }
}

export type TestResult = { ok: true; appName: string; readOnly: boolean } | { ok: false; message: string };

/** "Test connection": /me with the stored token; success clears "needs attention". */
export async function testIntercomConnection(actor: Actor): Promise<TestResult> {
  try {
    const { workspace, capabilities } = await withIntercom(actor.workspaceId, async (client) => ({
      workspace: await client.getWorkspace(),
      capabilities: await client.probeCapabilities(),
    }));
    await setStatus(actor.workspaceId, "connected", null);
    await saveCapabilities(actor.workspaceId, capabilities);
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "intercom.tested", details: { ok: true } });
    return { ok: true, appName: workspace.appName, readOnly: capabilities.canWrite === false };
  } catch (error) {
    if (!(error instanceof IntercomError)) throw error;
    await recordAudit({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: "intercom.tested",
      details: { ok: false, reason: error.kind },
    });
    return { ok: false, message: error.kind === "invalid_token" ? NEEDS_ATTENTION_REVOKED : explainConnectFailure(error).message };
  }
}
