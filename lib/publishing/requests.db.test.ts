import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { listNotifications } from "@/lib/notifications";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import type { PersonalizationDraft } from "@/lib/personalizations/schema";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import {
  approvePublishRequest,
  countPendingRequests,
  declinePublishRequest,
  getPublishRequest,
  listPublishRequests,
  myPendingRequest,
  submitPublishRequest,
  withdrawPublishRequest,
} from "./requests";
import { getLiveConfig, getPublishStatus, listVersions, publishDraft } from "./versions";

type Actor = { workspaceId: string; userId: string };
let admin: Actor;
let marketer: Actor;
let otherMarketer: Actor;

const hero = (html: string, id?: string): PersonalizationDraft & { id?: string } => ({ id, placementKey: "hero", name: "Hero", defaultHtml: html, variants: [], holdoutPercent: 0, primaryGoal: null });

beforeEach(async () => {
  const ws = await createWorkspace("Review Co");
  const actor = async (role: "admin" | "marketer") => ({ workspaceId: ws.id, userId: (await createMember(ws.id, role)).user.id });
  admin = await actor("admin");
  marketer = await actor("marketer");
  otherMarketer = await actor("marketer");
  await getDb().update(tables.users).set({ name: "Other marketer" }).where(eq(tables.users.id, otherMarketer.userId));
});

describe("publish requests", () => {
  it("approving publishes exactly what was reviewed, credits its author and answers the requester", async () => {
    const saved = await savePersonalization(marketer, hero("Reviewed"));
    const { id } = await submitPublishRequest(marketer, { note: "New hero for the launch" });
    expect(await countPendingRequests(admin.workspaceId)).toBe(1);
    expect((await myPendingRequest(marketer.workspaceId, marketer.userId))?.id).toBe(id);
    await expect(submitPublishRequest(marketer, { note: "again" })).rejects.toThrow(/already have a request/);
    // The admin hears about it; the other marketer does not.
    expect((await listNotifications(admin.workspaceId, admin.userId)).map((n) => n.link)).toContain(`/personalizations/requests/${id}`);
    expect(await listNotifications(otherMarketer.workspaceId, otherMarketer.userId)).toEqual([]);

    // Edited after sending: the review says so, and approving leaves the later edit unpublished.
    await savePersonalization(otherMarketer, hero("Edited later", saved.id));
    const view = await getPublishRequest(admin.workspaceId, id);
    expect(view).toMatchObject({ status: "pending", note: "New hero for the launch", changes: ['Personalization "Hero" (hero): added with 0 variants'], supersededBy: null });
    expect(view.laterChanges).toEqual(['Personalization "Hero" (hero): default content "Reviewed" → "Edited later"']);

    await expect(approvePublishRequest(marketer, id)).rejects.toBeInstanceOf(ForbiddenError); // nobody approves their own
    expect(await approvePublishRequest(admin, id)).toEqual({ version: 1 });
    expect((await getLiveConfig(admin.workspaceId)).snapshot.personalizations[0]!.defaultHtml).toBe("Reviewed");
    expect((await getPublishStatus(admin.workspaceId)).changes).toHaveLength(1);
    await expect(approvePublishRequest(admin, id)).rejects.toThrow(/already approved/);

    const [v1] = await listVersions(admin.workspaceId);
    expect(v1).toMatchObject({ version: 1, authors: ["marketer person"], publishedBy: "admin person" });
    const [answer] = await listNotifications(marketer.workspaceId, marketer.userId);
    expect(answer).toMatchObject({ kind: "publish_request", title: "Your publish request is live as v1" });

    // The later edit is still credited to its author when it is published.
    await publishDraft(admin);
    expect((await listVersions(admin.workspaceId))[0]).toMatchObject({ version: 2, authors: ["Other marketer"], publishedBy: "admin person" });
  });

  it("declines with a reason, lets only the requester withdraw, refuses a superseded request and keeps workspaces apart", async () => {
    await savePersonalization(marketer, hero("One"));
    const first = await submitPublishRequest(marketer, { note: "" });
    await expect(declinePublishRequest(admin, first.id, { reason: "  " })).rejects.toBeInstanceOf(RuleViolationError);
    await declinePublishRequest(admin, first.id, { reason: "Wrong headline" });
    expect(await getPublishRequest(marketer.workspaceId, first.id)).toMatchObject({ status: "declined", declineReason: "Wrong headline", decidedBy: "admin person" });
    const [answer] = await listNotifications(marketer.workspaceId, marketer.userId);
    expect(answer).toMatchObject({ title: "Your publish request was declined", body: "Reason: Wrong headline" });
    expect((await getLiveConfig(admin.workspaceId)).version).toBeNull();

    const second = await submitPublishRequest(marketer, { note: "Take two" });
    await expect(withdrawPublishRequest(otherMarketer, second.id)).rejects.toBeInstanceOf(ForbiddenError);
    const stranger = { workspaceId: (await createWorkspace("Elsewhere")).id, userId: admin.userId };
    await expect(approvePublishRequest(stranger, second.id)).rejects.toBeInstanceOf(NotFoundError);
    await withdrawPublishRequest(marketer, second.id);
    expect((await listPublishRequests(admin.workspaceId)).map((r) => r.status)).toEqual(["withdrawn", "declined"]);

    const third = await submitPublishRequest(marketer, { note: "Take three" });
    await publishDraft(admin); // published directly meanwhile
    expect((await getPublishRequest(admin.workspaceId, third.id)).supersededBy).toBe(1);
    await expect(approvePublishRequest(admin, third.id)).rejects.toThrow(/v1 was published after this request/);
  });
  it("two admins approving at the same moment: one version is published, the other is told why", async () => {
    const secondAdmin = { workspaceId: admin.workspaceId, userId: (await createMember(admin.workspaceId, "admin")).user.id };
    await savePersonalization(marketer, hero("Raced"));
    const { id } = await submitPublishRequest(marketer, { note: "" });
    const outcomes = await Promise.allSettled([approvePublishRequest(admin, id), approvePublishRequest(secondAdmin, id)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toEqual([{ status: "fulfilled", value: { version: 1 } }]);
    const [refused] = outcomes.filter((o) => o.status === "rejected");
    // Publishing is locked per workspace: the second waits for the first, then sees what it did.
    expect(refused!.reason).toBeInstanceOf(RuleViolationError);
    expect(refused!.reason.message).toBe("This request was already approved.");
    expect(await listVersions(admin.workspaceId)).toHaveLength(1);
  });

  it("two admins clicking Publish at the same moment publish the draft once; approving and declining at once, one wins", async () => {
    const secondAdmin = { workspaceId: admin.workspaceId, userId: (await createMember(admin.workspaceId, "admin")).user.id };
    const saved = await savePersonalization(admin, hero("Both click Publish"));
    const outcomes = await Promise.allSettled([publishDraft(admin), publishDraft(secondAdmin)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [refused] = outcomes.filter((o) => o.status === "rejected");
    expect(refused!.reason).toBeInstanceOf(RuleViolationError);
    expect(refused!.reason.message).toBe("There are no unpublished changes.");
    expect(await listVersions(admin.workspaceId)).toHaveLength(1);

    await savePersonalization(marketer, hero("Approve or decline?", saved.id));
    const { id } = await submitPublishRequest(marketer, { note: "" });
    const answers = await Promise.allSettled([approvePublishRequest(admin, id), declinePublishRequest(secondAdmin, id, { reason: "No" })]);
    expect(answers.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const { status } = await getPublishRequest(admin.workspaceId, id);
    expect(status).toBe(answers[0]!.status === "fulfilled" ? "approved" : "declined");
    expect(await listVersions(admin.workspaceId)).toHaveLength(status === "approved" ? 2 : 1);
    // The requester hears one answer, the one that stands.
    const answered = (await listNotifications(marketer.workspaceId, marketer.userId)).filter((n) => n.link === `/personalizations/requests/${id}`);
    expect(answered).toHaveLength(1);
  });
});
