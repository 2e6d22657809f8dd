import "server-only";
/**
 * The site's identity verification settings. The secret is stored only as lib/crypto.ts
 * ciphertext (workspace id bound); its plaintext leaves this module only from
 * rotateIdentitySecret (shown once) and identityForRuntime (server-side verification).
 * Must never: put the secret in a view, an audit entry, a log line or an error.
 */
import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb, tables, type DbOrTx } from "@/db/client";
import type { IdentityPolicy } from "@/db/schema/identity-types";
import { recordAudit } from "@/lib/audit";
import { DecryptionError, decryptSecret, encryptSecret } from "@/lib/crypto";
import { logError } from "@/lib/log";
import { broadcastInvalidate, onInvalidate } from "@/lib/shared/bus";
import { newIdentitySecret } from "./hash";

export type IdentitySettingsView = { policy: IdentityPolicy; hasSecret: boolean; secretRotatedAt: Date | null };
export type RuntimeIdentity = { policy: IdentityPolicy; secret: string | null };

const DEFAULTS: IdentitySettingsView = { policy: "required", hasSecret: false, secretRotatedAt: null };

async function readRow(workspaceId: string, tx: DbOrTx = getDb()) {
  const t = tables.siteIdentity;
  const [row] = await tx.select().from(t).where(eq(t.workspaceId, workspaceId));
  return row ?? null;
}

export async function getIdentitySettings(workspaceId: string): Promise<IdentitySettingsView> {
  const row = await readRow(workspaceId);
  if (!row) return DEFAULTS;
  return { policy: row.policy, hasSecret: Boolean(row.secretCiphertext), secretRotatedAt: row.secretRotatedAt };
}

// Every identify and decision needs the policy (and identify the secret): keep it 10 s per process,
// like the site itself; a rotation or policy change clears it on every node at once.
const runtimeCache = new LRUCache<string, RuntimeIdentity>({ max: 10_000, ttl: 10_000 });
onInvalidate("identity", (workspaceId) => (workspaceId === "*" ? runtimeCache.clear() : runtimeCache.delete(workspaceId)));

/** This process's cached copy, read synchronously; undefined when identityForRuntime must load it. */
export function cachedIdentityForRuntime(workspaceId: string): RuntimeIdentity | undefined {
  return runtimeCache.get(workspaceId);
}

export async function identityForRuntime(workspaceId: string): Promise<RuntimeIdentity> {
  const cached = runtimeCache.get(workspaceId);
  if (cached) return cached;
  const row = await readRow(workspaceId);
  const value: RuntimeIdentity = { policy: row?.policy ?? "required", secret: row?.secretCiphertext ? readSecret(row.secretCiphertext, workspaceId) : null };
  runtimeCache.set(workspaceId, value);
  return value;
}

// An unreadable secret (encryption key changed) verifies nobody, like no secret: fail closed, say why.
function readSecret(ciphertext: string, workspaceId: string): string | null {
  try {
    return decryptSecret(ciphertext, workspaceId);
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    logError("identity secret unreadable; rotate it in Website settings", error, { workspaceId });
    return null;
  }
}

async function upsert(workspaceId: string, set: { policy?: IdentityPolicy; secretCiphertext?: string; secretRotatedAt?: Date }, tx: DbOrTx) {
  const t = tables.siteIdentity;
  const now = new Date();
  await tx
    .insert(t)
    .values({ workspaceId, ...set, updatedAt: now })
    .onConflictDoUpdate({ target: t.workspaceId, set: { ...set, updatedAt: now } });
}

/** A new secret replaces the old one at once (old hashes stop verifying); the plaintext is returned once. */
export async function rotateIdentitySecret(actor: { workspaceId: string; userId: string | null }): Promise<{ secret: string; rotatedAt: Date }> {
  const secret = newIdentitySecret();
  const rotatedAt = new Date();
  await getDb().transaction(async (tx) => {
    const hadSecret = Boolean((await readRow(actor.workspaceId, tx))?.secretCiphertext);
    await upsert(actor.workspaceId, { secretCiphertext: encryptSecret(secret, actor.workspaceId), secretRotatedAt: rotatedAt }, tx);
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: hadSecret ? "identity.secret_rotated" : "identity.secret_created" }, tx);
  });
  await broadcastInvalidate("identity", actor.workspaceId);
  return { secret, rotatedAt };
}

/** The secret for server-side signing (the demo site stands in for a customer's server); created on first use. */
export async function ensureIdentitySecret(workspaceId: string): Promise<string> {
  const current = await identityForRuntime(workspaceId);
  if (current.secret) return current.secret;
  return (await rotateIdentitySecret({ workspaceId, userId: null })).secret;
}

export async function updateIdentityPolicy(actor: { workspaceId: string; userId: string }, policy: IdentityPolicy): Promise<IdentitySettingsView> {
  await getDb().transaction(async (tx) => {
    const before = (await readRow(actor.workspaceId, tx))?.policy ?? "required";
    await upsert(actor.workspaceId, { policy }, tx);
    await recordAudit({ workspaceId: actor.workspaceId, actorUserId: actor.userId, action: "identity.policy_changed", details: { from: before, to: policy } }, tx);
  });
  await broadcastInvalidate("identity", actor.workspaceId);
  return getIdentitySettings(actor.workspaceId);
}
