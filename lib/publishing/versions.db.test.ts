import { beforeEach, describe, expect, it } from "vitest";
import { RuleViolationError } from "@/lib/errors";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import type { PersonalizationDraft } from "@/lib/personalizations/schema";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { getLiveConfig, getPublishStatus, listVersions, publishDraft, restoreVersion } from "./versions";

let actor: { workspaceId: string; userId: string };

const hero = (html: string): PersonalizationDraft => ({
  placementKey: "hero",
  name: "Hero",
  holdoutPercent: 0,
  primaryGoal: null,
  defaultHtml: html,
  variants: [
    {
      id: "v-vip",
      name: "VIP",
      rule: { type: "group", combinator: "and", children: [{ id: "c1", type: "tag", operator: "has", tag: "vip" }] },
      html: "Welcome back, VIP",
    },
  ],
});

beforeEach(async () => {
  const ws = await createWorkspace("Publish Co");
  const { user } = await createMember(ws.id, "admin");
  actor = { workspaceId: ws.id, userId: user.id };
});

describe("draft and publish", () => {
  it("serves nothing before the first publish, and only the published version after", async () => {
    const saved = await savePersonalization(actor, hero("Hello"));
    expect((await getLiveConfig(actor.workspaceId)).snapshot.personalizations).toEqual([]);
    const status = await getPublishStatus(actor.workspaceId);
    expect(status).toEqual({ liveVersion: null, changes: ['Personalization "Hero" (hero): added with 1 variant'], blockers: [] });

    expect(await publishDraft(actor)).toMatchObject({ version: 1 });
    expect((await getLiveConfig(actor.workspaceId)).snapshot.personalizations[0]).toMatchObject({ defaultHtml: "Hello" });
    expect((await getPublishStatus(actor.workspaceId)).changes).toEqual([]);

    await savePersonalization(actor, { ...hero("Hi there"), id: saved.id });
    expect((await getLiveConfig(actor.workspaceId)).snapshot.personalizations[0]!.defaultHtml).toBe("Hello");
    expect((await getPublishStatus(actor.workspaceId)).changes).toEqual(['Personalization "Hero" (hero): default content "Hello" → "Hi there"']);
    await expect(publishDraft(actor).then(() => publishDraft(actor))).rejects.toBeInstanceOf(RuleViolationError);
    expect((await getLiveConfig(actor.workspaceId)).version).toBe(2);
  });

  it("restores an old version as a new one, draft included", async () => {
    const saved = await savePersonalization(actor, hero("One"));
    await publishDraft(actor);
    await savePersonalization(actor, { ...hero("Two"), id: saved.id });
    await publishDraft(actor);
    const restored = await restoreVersion(actor, 1);
    expect(restored.version).toBe(3);
    const { listPersonalizations } = await import("@/lib/personalizations/personalizations");
    expect((await listPersonalizations(actor.workspaceId)).map((p) => p.id)).toEqual([saved.id]); // an open editor can still save
    expect((await getLiveConfig(actor.workspaceId)).snapshot.personalizations[0]!.defaultHtml).toBe("One");
    expect((await getPublishStatus(actor.workspaceId)).changes).toEqual([]);
    const versions = await listVersions(actor.workspaceId);
    expect(versions.map((v) => [v.version, v.restoredFromVersion])).toEqual([[3, 1], [2, null], [1, null]]);
    expect(versions[0]!.changes).toEqual(['Personalization "Hero" (hero): default content "Two" → "One"']);
  });

  it("keeps workspaces apart", async () => {
    await savePersonalization(actor, hero("Mine"));
    await publishDraft(actor);
    const other = await createWorkspace("Other Co");
    expect((await getLiveConfig(other.id)).snapshot.personalizations).toEqual([]);
    await expect(restoreVersion({ workspaceId: other.id, userId: actor.userId }, 1)).rejects.toThrow(/does not exist/);
  });
});

describe("mappings in the published configuration", () => {
  it("publishes mappings with readable diffs and restores them", async () => {
    const { getDb, tables } = await import("@/db/client");
    const [group] = await getDb()
      .insert(tables.segmentGroups)
      .values({ workspaceId: actor.workspaceId, key: "role", name: "Role", selection: "single", kind: "categorical", position: 0 })
      .returning();
    const [mapping] = await getDb()
      .insert(tables.fieldMappings)
      .values({
        workspaceId: actor.workspaceId,
        sourceType: "group",
        sourceId: group!.id,
        attributeName: "job_role",
        conversion: "segment_key",
        options: { separator: ", " },
        writePolicy: "overwrite",
        enabled: true,
        position: 0,
      })
      .returning();
    expect((await getPublishStatus(actor.workspaceId)).changes).toEqual(["Mapping added: Role → Intercom job_role (segment key)"]);
    await publishDraft(actor);
    expect((await getLiveConfig(actor.workspaceId)).snapshot.mappings).toMatchObject([{ id: mapping!.id, attribute: "job_role" }]);

    const { eq } = await import("drizzle-orm");
    await getDb().update(tables.fieldMappings).set({ writePolicy: "only_if_empty" }).where(eq(tables.fieldMappings.id, mapping!.id));
    expect((await getPublishStatus(actor.workspaceId)).changes).toEqual([
      "Mapping changed: Role → Intercom job_role (segment key) → Role → Intercom job_role (segment key, only when empty)",
    ]);
    await getDb().delete(tables.fieldMappings).where(eq(tables.fieldMappings.id, mapping!.id));
    await restoreVersion(actor, 1);
    const [back] = await getDb().select().from(tables.fieldMappings).where(eq(tables.fieldMappings.id, mapping!.id));
    expect(back).toMatchObject({ attributeName: "job_role", writePolicy: "overwrite", enabled: true });
  });
});

describe("flows in the published configuration", () => {
  it("publishes flows with readable changes, refuses an enabled flow with problems, and restores flows", async () => {
    const { seedDemoSegments } = await import("@/db/seed");
    const { demoFlow } = await import("@/lib/dev/seed-flow");
    const { saveFlow, listFlows } = await import("@/lib/flows/flows");
    await seedDemoSegments(actor.workspaceId);

    const saved = await saveFlow(actor, { flow: demoFlow });
    expect((await getPublishStatus(actor.workspaceId)).changes).toEqual(['Flow "Welcome" (welcome): added with 4 steps']);
    await publishDraft(actor);
    expect((await getLiveConfig(actor.workspaceId)).snapshot.flows).toEqual([demoFlow]);

    // An unreachable step in an enabled flow blocks publishing, with the reason.
    const orphan = { id: "orphan", type: "end" as const, title: "Orphan", body: "" };
    await saveFlow(actor, { id: saved.id, flow: { ...demoFlow, steps: [...demoFlow.steps, orphan] } });
    const status = await getPublishStatus(actor.workspaceId);
    expect(status.changes).toEqual(['Flow "Welcome" (welcome): 1 step added']);
    expect(status.blockers).toEqual(['Flow "Welcome": Step 5 (Orphan) can\'t be reached: no step leads to it. Link it from another step or delete it.']);
    const refused = await publishDraft(actor).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect((refused as Error).message).toContain("Fix this problem before publishing: Flow \"Welcome\": Step 5 (Orphan) can't be reached");
    expect((await listVersions(actor.workspaceId)).map((v) => v.version)).toEqual([1]);

    // Turned off, an unfinished flow may go live (it is never shown).
    await saveFlow(actor, { id: saved.id, flow: { ...demoFlow, enabled: false, steps: [...demoFlow.steps, orphan] } });
    expect((await getPublishStatus(actor.workspaceId)).blockers).toEqual([]);
    expect((await publishDraft(actor)).changes).toEqual(['Flow "Welcome" (welcome): turned off', 'Flow "Welcome" (welcome): 1 step added']);

    await restoreVersion(actor, 1);
    const [back] = await listFlows(actor.workspaceId);
    expect(back).toMatchObject({ id: saved.id, key: "welcome", enabled: true, steps: demoFlow.steps });
  });
});
