import { and, eq, gte, lt } from "drizzle-orm";
import { getDb, tables } from "@/db/client";

/**
 * Sign-in throttling, counted in the database so all processes agree. Failures are counted per
 * (account, client) and per client, never per account alone: an attacker elsewhere must not be
 * able to lock the real user out. Past a few free tries each failure doubles the wait.
 */
export const throttleLimits = {
  windowMs: 15 * 60_000,
  /** Free failures for one account from one client, then 1 s, 2 s, 4 s … */
  accountClient: 5,
  /** Free failures from one client across all accounts (spraying), then 1 s, 2 s, 4 s … */
  client: 20,
  maxDelayMs: 15 * 60_000,
} as const;

export type ThrottleSubject = { email: string; ip: string | null };

function keysOf(subject: ThrottleSubject): { key: string; free: number }[] {
  // Without a known client address every such request shares one "-" client for that account.
  const keys: { key: string; free: number }[] = [{ key: `acct:${subject.email.toLowerCase()}|${subject.ip ?? "-"}`, free: throttleLimits.accountClient }];
  if (subject.ip) keys.push({ key: `ip:${subject.ip}`, free: throttleLimits.client });
  return keys;
}

/** The wait after `failures` failures when `free` are allowed: 0, then 1 s doubling up to the cap. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(throttleLimits.maxDelayMs, 1000 * 2 ** Math.min(failures - free, 30));
}

/** The time until which sign-in is refused for this account and client, or null when it is allowed. */
export async function lockedUntil(subject: ThrottleSubject, now = new Date()): Promise<Date | null> {
  const db = getDb();
  let latest: Date | null = null;
  for (const { key } of keysOf(subject)) {
    const [row] = await db.select().from(tables.loginThrottle).where(eq(tables.loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  }
  return latest;
}

export async function recordFailure(subject: ThrottleSubject, now = new Date()): Promise<void> {
  const db = getDb();
  for (const { key, free } of keysOf(subject)) {
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(tables.loginThrottle).where(eq(tables.loginThrottle.key, key));
      const windowOpen = row && now.getTime() - row.windowStartedAt.getTime() < throttleLimits.windowMs;
      const failures = windowOpen ? row.failures + 1 : 1;
      const windowStartedAt = windowOpen ? row.windowStartedAt : now;
      const delay = delayAfter(failures, free);
      const locked = delay > 0 ? new Date(now.getTime() + delay) : null;
      await tx
        .insert(tables.loginThrottle)
        .values({ key, failures, windowStartedAt, lockedUntil: locked })
        .onConflictDoUpdate({
          target: tables.loginThrottle.key,
          set: { failures, windowStartedAt, lockedUntil: locked },
        });
    });
  }
}

/** After a successful sign-in: this account's counter from this client only (the client's own stays). */
export async function clearFailures(subject: ThrottleSubject): Promise<void> {
  await getDb().delete(tables.loginThrottle).where(eq(tables.loginThrottle.key, keysOf(subject)[0]!.key));
}

/** After a password reset: the account starts fresh from every client. */
export async function clearAccountFailures(email: string): Promise<void> {
  // Every key "acct:<email>|…" sorts between "acct:<email>|" and "acct:<email>}" ("}" follows "|").
  const base = `acct:${email.toLowerCase()}`;
  const key = tables.loginThrottle.key;
  await getDb().delete(tables.loginThrottle).where(and(gte(key, `${base}|`), lt(key, `${base}}`)));
}
