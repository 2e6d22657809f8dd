import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { verifyPassword } from "./password";
import { readResetToken, requestPasswordReset, resetPassword, RESET_TTL_MS } from "./password-reset";
import { createSession, isSessionActive } from "./sessions";

const tokenOf = (mail: { text: string } | null) => /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;

describe("password reset", () => {
  it("unknown emails get nothing; a link works once and ends every session", async () => {
    expect(await requestPasswordReset("nobody@example.test")).toBeNull();
    const ws = await createWorkspace("Reset Co");
    const { user } = await createMember(ws.id, "admin", { password: "old-password-1" });
    const [a, b] = [await createSession(user.id), await createSession(user.id)];
    const token = tokenOf(await requestPasswordReset(user.email));
    const other = tokenOf(await requestPasswordReset(user.email));
    expect(await readResetToken(token)).toBe("valid");
    const [stored] = await getDb().select().from(tables.passwordResets).where(eq(tables.passwordResets.userId, user.id));
    expect(JSON.stringify(stored)).not.toContain(token);

    await resetPassword(token, "new-password-12");
    const [row] = await getDb().select().from(tables.users).where(eq(tables.users.id, user.id));
    expect(await verifyPassword("new-password-12", row!.passwordHash)).toBe(true);
    expect(await isSessionActive(a, user.id)).toBe(false);
    expect(await isSessionActive(b, user.id)).toBe(false);
    await expect(resetPassword(token, "again-password-1")).rejects.toThrow(/expired or was already used/);
    // The account's other open link died with the change.
    expect(await readResetToken(other)).toBe("invalid");
  });

  it("expires, and at most 3 links are open per account", async () => {
    const ws = await createWorkspace("Reset Co");
    const { user } = await createMember(ws.id, "support");
    const past = new Date(Date.now() - RESET_TTL_MS - 1000);
    const old = tokenOf(await requestPasswordReset(user.email, past));
    expect(await readResetToken(old)).toBe("invalid");
    await expect(resetPassword(old, "new-password-12")).rejects.toThrow(/expired/);
    for (let i = 0; i < 3; i++) expect(await requestPasswordReset(user.email)).not.toBeNull();
    expect(await requestPasswordReset(user.email)).toBeNull();
  });
});
