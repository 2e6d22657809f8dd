import { beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { recordAnswer } from "./answers";
import { decide } from "./decide";
import { visitorSegments, touchVisitor } from "./visitors";

let workspaceId: string;

beforeEach(async () => {
  const ws = await createWorkspace("Answers Co");
  workspaceId = ws.id;
  const db = getDb();
  const [role] = await db.insert(tables.segmentGroups).values({ workspaceId, key: "role", name: "Role", selection: "single", kind: "categorical", position: 0 }).returning();
  const [interests] = await db.insert(tables.segmentGroups).values({ workspaceId, key: "interests", name: "Interests", selection: "multi", kind: "categorical", position: 1 }).returning();
  const segs = await db
    .insert(tables.segments)
    .values([
      { workspaceId, groupId: role!.id, key: "founder", name: "Founder", position: 0 },
      { workspaceId, groupId: role!.id, key: "developer", name: "Developer", position: 1 },
      { workspaceId, groupId: interests!.id, key: "analytics", name: "Analytics", position: 0 },
      { workspaceId, groupId: interests!.id, key: "automation", name: "Automation", position: 1 },
    ])
    .returning();
  const [q1] = await db.insert(tables.questions).values({ workspaceId, key: "what-role", text: "What best describes you?", groupId: role!.id, position: 0 }).returning();
  const [q2] = await db.insert(tables.questions).values({ workspaceId, key: "interests", text: "What are you into?", groupId: interests!.id, position: 1 }).returning();
  await db.insert(tables.questionAnswers).values([
    { workspaceId, questionId: q1!.id, label: "I founded it", segmentId: segs[0]!.id, position: 0 },
    { workspaceId, questionId: q1!.id, label: "I build it", segmentId: segs[1]!.id, position: 1 },
    { workspaceId, questionId: q2!.id, label: "Analytics", segmentId: segs[2]!.id, position: 0 },
    { workspaceId, questionId: q2!.id, label: "Automation", segmentId: segs[3]!.id, position: 1 },
  ]);
});

describe("answers", () => {
  it("records answers as segments; the latest answer replaces the earlier one", async () => {
    await recordAnswer(workspaceId, "visitor-answers-1", "what-role", ["founder"]);
    await recordAnswer(workspaceId, "visitor-answers-1", "interests", ["analytics", "automation", "analytics"]);
    const visitor = await touchVisitor(workspaceId, "visitor-answers-1");
    expect(await visitorSegments(visitor.id)).toEqual({ role: ["founder"], interests: ["analytics", "automation"] });
    await recordAnswer(workspaceId, "visitor-answers-1", "what-role", ["developer"]);
    expect((await visitorSegments(visitor.id)).role).toEqual(["developer"]);
  });

  it("refuses unknown questions, unknown answers and two answers to a single-select question", async () => {
    await expect(recordAnswer(workspaceId, "visitor-answers-2", "nope", ["founder"])).rejects.toMatchObject({ reason: "not_found", code: "unknown_question" });
    await expect(recordAnswer(workspaceId, "visitor-answers-2", "what-role", ["ceo"])).rejects.toMatchObject({ reason: "invalid", code: "invalid_answer" });
    await expect(recordAnswer(workspaceId, "visitor-answers-2", "what-role", ["founder", "developer"])).rejects.toMatchObject({ code: "invalid_answer" });
  });

  it("segment rules personalize anonymous visitors without Intercom", async () => {
    const { user } = await createMember(workspaceId, "admin");
    const actor = { workspaceId, userId: user.id };
    await savePersonalization(actor, {
      placementKey: "cta",
      name: "CTA",
      defaultHtml: "Start a trial",
      variants: [
        {
          id: "founders",
          name: "Founders",
          rule: { type: "group", combinator: "and", children: [{ id: "s1", type: "segment", group: "role", operator: "is", segment: "founder" }] },
          html: "Book a founder demo",
        },
      ],
    });
    await publishDraft(actor);
    expect((await decide(workspaceId, "visitor-answers-3", ["cta"])).placements.cta).toEqual({ html: "Start a trial", variant: null, arm: "default" });
    await recordAnswer(workspaceId, "visitor-answers-3", "what-role", ["founder"]);
    expect((await decide(workspaceId, "visitor-answers-3", ["cta"])).placements.cta).toEqual({ html: "Book a founder demo", variant: "Founders", arm: expect.stringMatching(/^variant:/) });
  });
});
