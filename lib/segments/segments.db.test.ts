import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemoSegments } from "@/db/seed";
import { listAudit } from "@/lib/audit";
import { reloadAttributes } from "@/lib/intercom-integration/attributes";
import { connectIntercom } from "@/lib/intercom-integration/connection";
import { listMappings, saveMappings } from "@/lib/intercom-integration/mappings";
import { connectIntercomSchema } from "@/lib/intercom-integration/schema";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { saveGroupSchema, saveQuestionSchema, type SaveGroupInput } from "./schema";
import { deleteSegmentItem, getSegmentsOverview, moveSegmentItem, saveGroup, saveQuestion } from "./segments";

let emulator: IntercomEmulator;
let actor: { workspaceId: string; userId: string; canEditMappings: boolean };

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0 });
  process.env.INTERCOM_BASE_URL_US = emulator.baseUrls.US;
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  const ws = await createWorkspace("Segments Co");
  const { user } = await createMember(ws.id, "admin");
  actor = { workspaceId: ws.id, userId: user.id, canEditMappings: true };
});

const plan: SaveGroupInput = {
  key: "plan",
  name: "Plan",
  selection: "single",
  kind: "categorical",
  segments: [
    { key: "free", name: "Free", numericValue: "" },
    { key: "pro", name: "Pro", numericValue: "" },
  ],
};

describe("segment groups", () => {
  it("creates, renames (keys stay), reorders and lists groups", async () => {
    const created = await saveGroup(actor, saveGroupSchema.parse(plan));
    let [group] = (await getSegmentsOverview(actor.workspaceId)).groups;
    expect(group).toMatchObject({ key: "plan", name: "Plan", segments: [{ key: "free" }, { key: "pro" }] });

    await saveGroup(
      actor,
      saveGroupSchema.parse({
        ...plan,
        id: created.id,
        name: "Pricing plan",
        segments: [{ ...plan.segments[1]!, id: group!.segments[1]!.id, name: "Professional" }, { ...plan.segments[0]!, id: group!.segments[0]!.id }],
      }),
    );
    [group] = (await getSegmentsOverview(actor.workspaceId)).groups;
    expect(group).toMatchObject({ key: "plan", name: "Pricing plan", segments: [{ key: "pro", name: "Professional" }, { key: "free" }] });

    await saveGroup(actor, saveGroupSchema.parse({ ...plan, key: "tier", name: "Tier" }));
    await moveSegmentItem(actor, "group", created.id, "down");
    expect((await getSegmentsOverview(actor.workspaceId)).groups.map((g) => g.key)).toEqual(["tier", "plan"]);
    expect((await listAudit(actor.workspaceId)).map((a) => a.action)).toContain("segments.group_updated");
  });

  it("refuses a duplicate key and a multi-select numeric bucket", async () => {
    await saveGroup(actor, saveGroupSchema.parse(plan));
    await expect(saveGroup(actor, saveGroupSchema.parse(plan))).rejects.toMatchObject({ fieldErrors: { key: expect.stringContaining("already uses") } });
    const bad = saveGroupSchema.safeParse({ ...plan, kind: "numeric_bucket", selection: "multi" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["selection", "segments.0.numericValue", "segments.1.numericValue"]);
  });
});

describe("questions and usage", () => {
  beforeEach(async () => {
    await seedDemoSegments(actor.workspaceId);
  });

  it("seeds idempotently, with questions tied to groups", async () => {
    await seedDemoSegments(actor.workspaceId);
    const overview = await getSegmentsOverview(actor.workspaceId);
    expect(overview.groups.map((g) => g.name)).toEqual(["Role", "Company size", "Interests"]);
    expect(overview.questions.map((q) => [q.text, q.groupName, q.answers.length])).toEqual([
      ["What best describes you?", "Role", 3],
      ["How many people work at your company?", "Company size", 3],
      ["What are you looking for?", "Interests", 3],
    ]);
    expect(overview.groups[0]!.usedBy).toEqual(["Question “What best describes you?”"]);
  });

  it("refuses answers that point at another group's segment", async () => {
    const { groups } = await getSegmentsOverview(actor.workspaceId);
    const input = saveQuestionSchema.parse({
      key: "q",
      text: "Q?",
      groupId: groups[0]!.id,
      answers: [
        { label: "A", segmentId: groups[0]!.segments[0]!.id },
        { label: "B", segmentId: groups[1]!.segments[0]!.id },
      ],
    });
    await expect(saveQuestion(actor, input)).rejects.toMatchObject({ fieldErrors: { "answers.1.segmentId": expect.any(String) } });
  });

  it("says where a mapped group is used, deletes its mappings with it, and keeps marketers from doing so", async () => {
    await connectIntercom(actor, connectIntercomSchema.parse({ token: emulator.tokens.US.full, region: "US" }));
    await reloadAttributes(actor);
    let { groups } = await getSegmentsOverview(actor.workspaceId);
    const role = groups[0]!;
    await saveMappings(actor, {
      mappings: [{ source: `group:${role.id}`, attribute: "job_role", conversion: "segment_key", separator: ",", writePolicy: "overwrite", enabled: true }],
    });
    ({ groups } = await getSegmentsOverview(actor.workspaceId));
    expect(groups[0]).toMatchObject({ isMapped: true, usedBy: ["Question “What best describes you?”", "Intercom field job_role"] });

    // Turning the mapped single-select group into multi-select would break its string mapping's conversion.
    await expect(
      saveGroup(actor, saveGroupSchema.parse({ id: role.id, key: role.key, name: role.name, selection: "multi", kind: "categorical", segments: role.segments.map((s) => ({ ...s, numericValue: "" })) })),
    ).rejects.toThrow(/breaks a field mapping/);
    // Removing a segment a question answer uses is refused.
    await expect(
      saveGroup(actor, saveGroupSchema.parse({ id: role.id, key: role.key, name: role.name, selection: "single", kind: "categorical", segments: role.segments.slice(1).map((s) => ({ ...s, numericValue: "" })) })),
    ).rejects.toThrow(/Founder can't be removed/);

    await expect(deleteSegmentItem({ ...actor, canEditMappings: false }, "group", role.id)).rejects.toThrow(/Only an owner or admin/);
    const result = await deleteSegmentItem(actor, "group", role.id);
    expect(result).toEqual({ name: "Role", deletedMappings: ["job_role"] });
    expect(await listMappings(actor.workspaceId)).toEqual([]);
    const overview = await getSegmentsOverview(actor.workspaceId);
    expect(overview.groups.map((g) => g.name)).toEqual(["Company size", "Interests"]);
    expect(overview.questions.map((q) => q.groupName)).toEqual(["Company size", "Interests"]);
  });
});
