import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";

/** Sign-in throttling: per email and per client IP, counted in the database so all processes agree. */
export const throttleLimits = {
  windowMs: 15 * 60_000,
  email: 5,
  ip: 30,
} as const;

const keyFor = {
  email: (email: string) => `email:${email.toLowerCase()}`,
  ip: (ip: string) => `ip:${ip}`,
};

export type ThrottleSubject = { email: string; ip: string | null };

function keysOf(subject: ThrottleSubject): { key: string; limit: number }[] {
  const keys: { key: string; limit: number }[] = [{ key: keyFor.email(subject.email), limit: throttleLimits.email }];
  if (subject.ip) keys.push({ key: keyFor.ip(subject.ip), limit: throttleLimits.ip });
  return keys;
}

/** The time until which sign-in is refused for this email or IP, or null when it is allowed. */
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
  for (const { key, limit } of keysOf(subject)) {
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(tables.loginThrottle).where(eq(tables.loginThrottle.key, key));
      const windowOpen = row && now.getTime() - row.windowStartedAt.getTime() < throttleLimits.windowMs;
      const failures = windowOpen ? row.failures + 1 : 1;
      const windowStartedAt = windowOpen ? row.windowStartedAt : now;
      const locked = failures >= limit ? new Date(windowStartedAt.getTime() + throttleLimits.windowMs) : null;
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

export async function clearFailures(email: string): Promise<void> {
  await getDb().delete(tables.loginThrottle).where(eq(tables.loginThrottle.key, keyFor.email(email)));
}
