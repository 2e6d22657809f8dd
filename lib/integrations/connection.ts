import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { UserFacingError } from "@/lib/errors";
import {
  createIntercomClient,
  IntercomAuthError,
  IntercomError,
  IntercomRegionMismatchError,
  verifyToken,
  type CreateIntercomClientOptions,
  type IntercomRegion,
  type TailorIntercomClient,
} from "@/lib/intercom";
import type { z } from "zod";
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

function timeOf(date: Date): string {
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" }) + " UTC";
}

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
        `Intercom is rate-limiting this token until ${timeOf((error as IntercomError & { resetAt: Date }).resetAt)}. Nothing was saved; try again then.`,
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
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: isReplace ? "intercom.token_replaced" : "intercom.connected",
        target: workspace.appName,
        details: { region: input.region, appId: workspace.idCode, tokenHint: values.tokenHint },
      },
      tx,
    );
  });
  return getConnectionView(actor.workspaceId);
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

async function setStatus(workspaceId: string, status: "connected" | "needs_attention", reason: string | null) {
  await getDb()
    .update(tables.intercomConnections)
    .set(status === "connected" ? { status, statusReason: null, verifiedAt: new Date() } : { status, statusReason: reason })
    .where(eq(tables.intercomConnections.workspaceId, workspaceId));
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
  const c = tables.intercomConnections;
  const [row] = await getDb()
    .select({ region: c.region, tokenCiphertext: c.tokenCiphertext })
    .from(c)
    .where(eq(c.workspaceId, workspaceId));
  if (!row) throw new NotConnectedError();
  const client = createIntercomClient({ token: decryptSecret(row.tokenCiphertext, workspaceId), region: row.region, ...clientOptions });
  try {
    return await fn(client, row.region);
  } catch (error) {
    if (error instanceof IntercomAuthError) await setStatus(workspaceId, "needs_attention", NEEDS_ATTENTION_REVOKED);
    throw error;
  }
}

export type TestResult = { ok: true; appName: string } | { ok: false; message: string };

/** "Test connection": /me with the stored token; success clears "needs attention". */
export async function testIntercomConnection(actor: Actor): Promise<TestResult> {
  try {
    const workspace = await withIntercom(actor.workspaceId, (client) => client.getWorkspace());
    await setStatus(actor.workspaceId, "connected", null);
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "intercom.tested", details: { ok: true } });
    return { ok: true, appName: workspace.appName };
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
