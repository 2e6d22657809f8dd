import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { listAudit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { addMember, changeMemberRole, getMember, listMembers, removeMember } from "./members";
import { addMemberSchema } from "./schema";

let acme: Awaited<ReturnType<typeof createWorkspace>>;
let globex: Awaited<ReturnType<typeof createWorkspace>>;
let owner: Awaited<ReturnType<typeof createMember>>;
let actor: { workspaceId: string; userId: string };

beforeEach(async () => {
  acme = await createWorkspace("Acme");
  globex = await createWorkspace("Globex");
  owner = await createMember(acme.id, "owner");
  actor = { workspaceId: acme.id, userId: owner.user.id };
});

const input = (over: Partial<Record<string, string>> = {}) =>
  addMemberSchema.parse({ email: "New.Person@Example.test ", name: "New Person", role: "marketer", password: "initial-pass-123", ...over });

describe("members", () => {
  it("adds a new member with a hashed initial password and audits it", async () => {
    const { member, existingAccount } = await addMember(actor, input());
    expect(existingAccount).toBe(false);
    expect(member).toMatchObject({ email: "new.person@example.test", role: "marketer" });
    const [user] = await getDb().select().from(tables.users).where(eq(tables.users.email, "new.person@example.test"));
    expect(user!.passwordHash).not.toContain("initial-pass-123");
    expect(await verifyPassword("initial-pass-123", user!.passwordHash)).toBe(true);
    const audit = await listAudit(acme.id);
    expect(audit[0]).toMatchObject({ action: "member.added", target: "new.person@example.test", actorEmail: owner.user.email });
    expect(JSON.stringify(audit)).not.toContain("initial-pass-123");
  });

  it("adds an existing account without touching its password", async () => {
    const other = await createMember(globex.id, "owner", { email: "shared@example.test", password: "their-own-password" });
    const { existingAccount } = await addMember(actor, input({ email: "shared@example.test" }));
    expect(existingAccount).toBe(true);
    const [user] = await getDb().select().from(tables.users).where(eq(tables.users.id, other.user.id));
    expect(await verifyPassword("their-own-password", user!.passwordHash)).toBe(true);
  });

  it("refuses to add someone twice, with a field error on email", async () => {
    await addMember(actor, input());
    await expect(addMember(actor, input())).rejects.toMatchObject({ fieldErrors: { email: expect.any(String) } });
  });

  it("never removes or demotes the last owner", async () => {
    await expect(changeMemberRole(actor, owner.membership.id, "admin")).rejects.toBeInstanceOf(RuleViolationError);
    await expect(removeMember(actor, owner.membership.id)).rejects.toBeInstanceOf(RuleViolationError);
    const second = await createMember(acme.id, "owner");
    await changeMemberRole(actor, owner.membership.id, "admin");
    await expect(removeMember(actor, second.membership.id)).rejects.toBeInstanceOf(RuleViolationError);
    expect((await listMembers(acme.id)).filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it("changes a role and removes a member, each audited", async () => {
    const support = await createMember(acme.id, "support");
    await changeMemberRole(actor, support.membership.id, "admin");
    expect((await getMember(acme.id, support.membership.id)).role).toBe("admin");
    await removeMember(actor, support.membership.id);
    await expect(getMember(acme.id, support.membership.id)).rejects.toBeInstanceOf(NotFoundError);
    const actions = (await listAudit(acme.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["member.role_changed", "member.removed"]));
  });

  it("cannot reach another workspace's member by id", async () => {
    const globexOwner = await createMember(globex.id, "owner");
    await expect(getMember(acme.id, globexOwner.membership.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeMemberRole(actor, globexOwner.membership.id, "support")).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(actor, globexOwner.membership.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getMember(globex.id, globexOwner.membership.id)).role).toBe("owner");
    expect(await listMembers(acme.id)).not.toContainEqual(expect.objectContaining({ userId: globexOwner.user.id }));
  });

  it("rolls back every write of a failed transaction", async () => {
    const before = await listMembers(acme.id);
    await expect(
      getDb().transaction(async (tx) => {
        const [user] = await tx
          .insert(tables.users)
          .values({ email: "rollback@example.test", name: "R", passwordHash: "x" })
          .returning();
        await tx.insert(tables.memberships).values({ workspaceId: acme.id, userId: user!.id, role: "support" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await listMembers(acme.id)).toEqual(before);
    expect(await getDb().select().from(tables.users).where(eq(tables.users.email, "rollback@example.test"))).toEqual([]);
  });
});
