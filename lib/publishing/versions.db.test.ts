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
    expect(status).toEqual({ liveVersion: null, changes: ['Personalization "Hero" (hero): added with 1 variant'] });

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
