import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { RuleViolationError } from "@/lib/errors";
import type { Mail } from "@/lib/mail";
import { passwordResetMail } from "@/lib/mail/templates";
import { hashPassword } from "./password";
import { endAllSessions } from "./sessions";
import { clearAccountFailures } from "./throttle";
import { hashToken, looksLikeToken, newToken } from "./tokens";

/**
 * Forgot password. Never reveals whether an account exists (same answer, mail sent after the
 * response); a reset link works once, for 30 minutes; a new password ends every session.
 */
export const RESET_TTL_MS = 30 * 60_000;
const MAX_OPEN_RESETS = 3;

/** The mail to send, or null (no such account, or too many links already out). */
export async function requestPasswordReset(email: string, now = new Date()): Promise<Mail | null> {
  const db = getDb();
  const [user] = await db.select({ id: tables.users.id, email: tables.users.email }).from(tables.users).where(eq(tables.users.email, email));
  if (!user) return null;
  const { passwordResets: r } = tables;
  const open = await db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.userId, user.id), isNull(r.usedAt), gt(r.expiresAt, now)));
  if (open.length >= MAX_OPEN_RESETS) return null; // stops mail-bombing a mailbox
  const { token, hash } = newToken();
  await db.insert(r).values({ userId: user.id, tokenHash: hash, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
  return passwordResetMail({ to: user.email, link: appUrl(`/reset-password/${token}`), expiresInMinutes: RESET_TTL_MS / 60_000 });
}

export type ResetTokenState = "valid" | "invalid";

export async function readResetToken(token: string, now = new Date()): Promise<ResetTokenState> {
  if (!looksLikeToken(token)) return "invalid";
  const { passwordResets: r } = tables;
  const [row] = await getDb()
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.tokenHash, hashToken(token)), isNull(r.usedAt), gt(r.expiresAt, now)));
  return row ? "valid" : "invalid";
}

const UNUSABLE = "This reset link has expired or was already used. Ask for a new one.";

/** Sets the new password, burns every open link of the account and ends all its sessions. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  if (!looksLikeToken(token)) throw new RuleViolationError(UNUSABLE);
  const passwordHash = await hashPassword(password);
  const { passwordResets: r, users } = tables;
  const email = await getDb().transaction(async (tx) => {
    const [claimed] = await tx
      .update(r)
      .set({ usedAt: now })
      .where(and(eq(r.tokenHash, hashToken(token)), isNull(r.usedAt), gt(r.expiresAt, now)))
      .returning({ userId: r.userId });
    if (!claimed) throw new RuleViolationError(UNUSABLE);
    await tx.update(r).set({ usedAt: now }).where(and(eq(r.userId, claimed.userId), isNull(r.usedAt)));
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId)).returning({ email: users.email });
    await endAllSessions(claimed.userId, tx);
    return user!.email;
  });
  await clearAccountFailures(email);
  return { email };
}
