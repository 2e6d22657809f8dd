import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";

/**
 * Server-side sessions: the JWT only names a row here, and the guard checks the row on every
 * request. Deleting the row (sign-out, sign out everywhere, password reset, removal) ends the
 * session at once, whatever copy of the cookie survives.
 */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

export async function createSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const db = getDb();
  await db.delete(tables.authSessions).where(and(eq(tables.authSessions.userId, userId), lt(tables.authSessions.expiresAt, now)));
  await db.insert(tables.authSessions).values({ id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) });
  return id;
}

export async function isSessionActive(id: string, userId: string, now = new Date()): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: tables.authSessions.id })
    .from(tables.authSessions)
    .where(and(eq(tables.authSessions.id, id), eq(tables.authSessions.userId, userId), gt(tables.authSessions.expiresAt, now)));
  return Boolean(row);
}

export async function endSession(id: string): Promise<void> {
  await getDb().delete(tables.authSessions).where(eq(tables.authSessions.id, id));
}

/** Every session of the user, on every device. */
export async function endAllSessions(userId: string, tx: DbOrTx = getDb()): Promise<void> {
  await tx.delete(tables.authSessions).where(eq(tables.authSessions.userId, userId));
}
