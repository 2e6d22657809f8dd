import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { listAudit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { acceptInvitationAsUser, acceptInvitationWithNewAccount, INVITATION_TTL_MS, inviteMember, listPendingInvitations, readInvitation, resendInvitation, revokeInvitation } from "./invitations";
import { listMembers } from "./members";
import { inviteMemberSchema } from "./schema";
import { deliverInvitation } from "./invitation-delivery";

let acme: Awaited<ReturnType<typeof createWorkspace>>;
let globex: Awaited<ReturnType<typeof createWorkspace>>;
let acmeOwner: { workspaceId: string; userId: string };
let globexOwner: { workspaceId: string; userId: string };

beforeEach(async () => {
  acme = await createWorkspace("Acme");
  globex = await createWorkspace("Globex");
  acmeOwner = { workspaceId: acme.id, userId: (await createMember(acme.id, "owner")).user.id };
  globexOwner = { workspaceId: globex.id, userId: (await createMember(globex.id, "owner")).user.id };
});

const usersNamed = (email: string) => getDb().select().from(tables.users).where(eq(tables.users.email, email));

describe("invitations", () => {
  it("creates no account and stores only the token's hash; a password in the input is ignored", async () => {
    const input = inviteMemberSchema.parse({ email: " NewHire@Acme.test", role: "admin", password: "chosen-by-inviter" });
    expect(input).not.toHaveProperty("password");
    const issued = await inviteMember(globexOwner, input);
    expect(await usersNamed("newhire@acme.test")).toEqual([]);
    const [row] = await getDb().select().from(tables.invitations).where(eq(tables.invitations.id, issued.id));
    expect(row!.tokenHash).toBe(hashToken(issued.token));
    expect(JSON.stringify(row)).not.toContain(issued.token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(INVITATION_TTL_MS);
    expect((await listPendingInvitations(globex.id)).map((i) => i.email)).toEqual(["newhire@acme.test"]);
    expect((await listAudit(globex.id))[0]).toMatchObject({ action: "member.invited", target: "newhire@acme.test" });
  });

  it("the invitee sets their own password; the link works once", async () => {
    const issued = await inviteMember(acmeOwner, { email: "newhire@acme.test", role: "admin" });
    expect(await readInvitation(issued.token)).toMatchObject({ status: "pending", email: "newhire@acme.test", accountExists: false, workspaceName: "Acme" });
    await acceptInvitationWithNewAccount(issued.token, { name: "New Hire", password: "my-own-password" });
    const [user] = await usersNamed("newhire@acme.test");
    expect(await verifyPassword("my-own-password", user!.passwordHash)).toBe(true);
    expect((await listMembers(acme.id)).find((m) => m.email === "newhire@acme.test")?.role).toBe("admin");
    expect(await readInvitation(issued.token)).toMatchObject({ status: "accepted" });
    await expect(acceptInvitationWithNewAccount(issued.token, { name: "X", password: "another-password" })).rejects.toBeInstanceOf(RuleViolationError);
    expect(await listPendingInvitations(acme.id)).toEqual([]);
  });

  it("an existing account joins with its own password untouched, and only that account can accept", async () => {
    const existing = await createMember(globex.id, "support", { email: "shared@example.test", password: "their-own-password" });
    const issued = await inviteMember(acmeOwner, { email: "shared@example.test", role: "marketer" });
    expect(await readInvitation(issued.token)).toMatchObject({ status: "pending", accountExists: true });
    await expect(acceptInvitationWithNewAccount(issued.token, { name: "Attacker", password: "attacker-pass-1" })).rejects.toThrow(/already have an account/);
    const intruder = await createMember(globex.id, "owner");
    await expect(acceptInvitationAsUser(issued.token, { userId: intruder.user.id, email: intruder.user.email })).rejects.toThrow(/This invitation is for shared@example.test/);
    expect(await readInvitation(issued.token)).toMatchObject({ status: "pending" });
    await acceptInvitationAsUser(issued.token, { userId: existing.user.id, email: "shared@example.test" });
    const [user] = await usersNamed("shared@example.test");
    expect(await verifyPassword("their-own-password", user!.passwordHash)).toBe(true);
    expect((await listMembers(acme.id)).map((m) => m.email)).toContain("shared@example.test");
  });

  it("refuses expired, revoked and replaced links; unknown tokens are simply invalid", async () => {
    const past = new Date(Date.now() - INVITATION_TTL_MS - 1000);
    const old = await inviteMember(acmeOwner, { email: "late@example.test", role: "support" }, past);
    expect(await readInvitation(old.token)).toMatchObject({ status: "expired" });
    await expect(acceptInvitationWithNewAccount(old.token, { name: "L", password: "late-password-1" })).rejects.toBeInstanceOf(RuleViolationError);

    const fresh = await inviteMember(acmeOwner, { email: "late@example.test", role: "support" });
    expect(await readInvitation(old.token)).toMatchObject({ status: "revoked" }); // replaced
    const resent = await resendInvitation(acmeOwner, fresh.id);
    expect(await readInvitation(fresh.token)).toMatchObject({ status: "invalid" }); // rotated
    expect(await readInvitation(resent.token)).toMatchObject({ status: "pending" });
    await revokeInvitation(acmeOwner, fresh.id);
    expect(await readInvitation(resent.token)).toMatchObject({ status: "revoked" });
    await expect(acceptInvitationWithNewAccount(resent.token, { name: "L", password: "late-password-1" })).rejects.toBeInstanceOf(RuleViolationError);
    expect(await usersNamed("late@example.test")).toEqual([]);

    expect(await readInvitation("not-a-token")).toEqual({ status: "invalid" });
    expect(await readInvitation("a".repeat(43))).toEqual({ status: "invalid" });
  });

  it("another workspace cannot resend or revoke an invitation by id; members cannot be invited twice", async () => {
    const issued = await inviteMember(acmeOwner, { email: "x@example.test", role: "support" });
    await expect(revokeInvitation(globexOwner, issued.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendInvitation(globexOwner, issued.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await readInvitation(issued.token)).toMatchObject({ status: "pending" });
    const member = await createMember(acme.id, "support");
    await expect(inviteMember(acmeOwner, { email: member.user.email, role: "admin" })).rejects.toMatchObject({ fieldErrors: { email: expect.any(String) } });
  });

  it("without SMTP the inviter gets the link (once) instead of an email", async () => {
    delete process.env.SMTP_URL;
    process.env.APP_URL = "https://tailor.example.test";
    const issued = await inviteMember(acmeOwner, { email: "nomail@example.test", role: "support" });
    const delivery = await deliverInvitation(issued, { name: "Owner", workspaceName: "Acme" });
    expect(delivery).toEqual({ email: "nomail@example.test", emailed: false, link: `https://tailor.example.test/invite/${issued.token}` });
  });
});
