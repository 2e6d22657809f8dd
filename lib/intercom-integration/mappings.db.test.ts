import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { seedDemoSegments } from "@/db/seed";
import { listAudit } from "@/lib/audit";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { ensureAttributesLoaded, getAttributeCache, reloadAttributes } from "./attributes";
import { connectIntercom } from "./connection";
import { createIntercomAttribute, getMappingHealth, listActiveMappings, listMappings, saveMappings } from "./mappings";
import type { MappingRowInput } from "./mapping-schema";
import { loadMappingSources } from "./mapping-sources";
import { connectIntercomSchema } from "./schema";

let emulator: IntercomEmulator;
let actor: { workspaceId: string; userId: string };
let refs: Record<string, string>;

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0 });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  emulator.reset();
  const ws = await createWorkspace("Mapping Co");
  const { user } = await createMember(ws.id, "admin");
  actor = { workspaceId: ws.id, userId: user.id };
  await seedDemoSegments(ws.id);
  await connectIntercom(actor, connectIntercomSchema.parse({ token: emulator.tokens.US.full, region: "US" }));
  refs = Object.fromEntries((await loadMappingSources(ws.id)).map((s) => [s.label, s.ref]));
});

async function createViaApi(name: string) {
  const res = await fetch(`${emulator.baseUrls.US}/data_attributes`, {
    method: "POST",
    headers: { Authorization: `Bearer ${emulator.tokens.US.full}`, Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ name, model: "contact", data_type: "string" }),
  });
  expect(res.status).toBe(200);
}

const row = (source: string, attribute: string, conversion: string, extra: Partial<MappingRowInput> = {}): MappingRowInput => ({
  source,
  attribute,
  conversion,
  separator: ",",
  writePolicy: "overwrite",
  enabled: true,
  ...extra,
});

describe("attribute cache", () => {
  it("loads every contact attribute once, with the load time, and says what can't be chosen", async () => {
    expect((await getAttributeCache(actor.workspaceId)).loadedAt).toBeNull();
    const cache = await ensureAttributesLoaded(actor);
    expect(cache.loadedAt).toBeInstanceOf(Date);
    const byName = new Map(cache.attributes.map((a) => [a.name, a]));
    expect(byName.get("job_role")).toMatchObject({ dataType: "string", custom: true, unavailable: null });
    expect(byName.get("legacy_score")?.unavailable).toBe("Archived in Intercom");
    expect(byName.get("health_score")?.unavailable).toMatch(/through the API/);
    expect(byName.get("email")?.unavailable).toMatch(/Standard attribute/);
  });

  it("reports new, archived and removed attributes on reload", async () => {
    await reloadAttributes(actor);
    emulator.state.setAttributeArchived("US", "seats", true);
    await createViaApi("tailor_new_one");
    await createViaApi("tailor_new_two");
    // An attribute Intercom no longer lists (deleted there): stays cached, marked removed.
    const now = new Date();
    await getDb().insert(tables.intercomAttributes).values({
      workspaceId: actor.workspaceId, name: "ghost", fullName: "custom_attributes.ghost", label: "ghost", description: "",
      dataType: "string", options: null, custom: true, archived: false, apiWritable: true, firstSeenAt: now, lastSeenAt: now,
    });
    const summary = await reloadAttributes(actor);
    expect(summary).toMatchObject({ added: 2, archived: 1, removed: 1 });
    const cache = await getAttributeCache(actor.workspaceId);
    expect(cache.attributes.find((a) => a.name === "seats")?.unavailable).toBe("Archived in Intercom");
    expect(cache.attributes.find((a) => a.name === "ghost")?.unavailable).toBe("Deleted in Intercom");
    expect(await reloadAttributes(actor)).toMatchObject({ added: 0, archived: 0, removed: 0 });

    const other = await createWorkspace("Other");
    await expect(reloadAttributes({ workspaceId: other.id, userId: actor.userId })).rejects.toThrow(/not connected/);
  });
});

describe("saving mappings", () => {
  beforeEach(async () => {
    await reloadAttributes(actor);
  });

  it("saves compatible rows as the draft configuration and audits it", async () => {
    const saved = await saveMappings(actor, {
      mappings: [
        row(refs["Role"]!, "job_role", "segment_key"),
        row(refs["Company size"]!, "seats", "numeric_value", { writePolicy: "only_if_empty" }),
        row(refs["Interests"]!, "Signup Source", "joined_names", { separator: "; " }),
        row(refs["Role → Founder"]!, "is_beta", "is_segment", { enabled: false }),
      ],
    });
    expect(saved.map((m) => [m.attribute, m.conversion, m.driftReason])).toEqual([
      ["job_role", "segment_key", null],
      ["seats", "numeric_value", null],
      ["Signup Source", "joined_names", null],
      ["is_beta", "is_segment", null],
    ]);
    expect(saved[2]!.separator).toBe("; ");
    expect((await listActiveMappings(actor.workspaceId)).map((m) => m.attribute)).toEqual(["job_role", "seats", "Signup Source"]);
    expect((await listAudit(actor.workspaceId))[0]).toMatchObject({ action: "mappings.saved", details: { total: 4, added: 4 } });

    // Saving again keeps ids of kept rows and deletes the rest.
    const again = await saveMappings(actor, { mappings: [{ ...row(refs["Role"]!, "job_role", "segment_name"), id: saved[0]!.id }] });
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: saved[0]!.id, conversion: "segment_name" });
  });

  it("refuses an incompatible pair with the row's field error, whatever the UI did", async () => {
    await expect(
      saveMappings(actor, { mappings: [row(refs["Role"]!, "job_role", "segment_key"), row(refs["Interests"]!, "seats", "joined_keys")] }),
    ).rejects.toMatchObject({ fieldErrors: { "mappings.1.attribute": expect.stringContaining("several answers") } });
    await expect(saveMappings(actor, { mappings: [row(refs["Role"]!, "job_role", "numeric_value")] })).rejects.toMatchObject({
      fieldErrors: { "mappings.0.conversion": expect.stringContaining("Segment key") },
    });
    await expect(saveMappings(actor, { mappings: [row(refs["Role"]!, "legacy_score", "segment_key")] })).rejects.toMatchObject({
      fieldErrors: { "mappings.0.attribute": expect.stringContaining("archived") },
    });
    await expect(saveMappings(actor, { mappings: [row("group:nope", "job_role", "segment_key")] })).rejects.toMatchObject({
      fieldErrors: { "mappings.0.source": expect.any(String) },
    });
    await expect(
      saveMappings(actor, { mappings: [row(refs["Role"]!, "job_role", "segment_key"), row(refs["Role"]!, "job_role", "segment_name")] }),
    ).rejects.toMatchObject({ fieldErrors: { "mappings.1.attribute": expect.stringContaining("already written by mapping 1") } });
    expect(await listMappings(actor.workspaceId)).toEqual([]);
  });

  it("flags drift when a mapped attribute is archived, and keeps the row savable until it is fixed", async () => {
    const [saved] = await saveMappings(actor, { mappings: [row(refs["Role"]!, "favorite_color", "segment_key")] });
    emulator.state.setAttributeArchived("US", "favorite_color", true);
    const summary = await reloadAttributes(actor);
    expect(summary).toMatchObject({ added: 0, archived: 1, removed: 0, newlyDrifted: [{ attributeName: "favorite_color", reason: "archived" }] });
    expect(await getMappingHealth(actor.workspaceId)).toMatchObject({ total: 1, drifted: [{ attributeName: "favorite_color", reason: "archived" }] });
    expect(await listActiveMappings(actor.workspaceId)).toEqual([]);
    expect((await listAudit(actor.workspaceId))[0]).toMatchObject({ action: "mappings.drift_detected" });

    // Unchanged, the drifted row may be saved again (e.g. with other rows); a new row may not pick it.
    await saveMappings(actor, { mappings: [{ ...row(refs["Role"]!, "favorite_color", "segment_key"), id: saved!.id }] });
    await expect(saveMappings(actor, { mappings: [row(refs["Role"]!, "favorite_color", "segment_key")] })).rejects.toMatchObject({
      fieldErrors: { "mappings.0.attribute": expect.stringContaining("archived") },
    });

    emulator.state.setAttributeArchived("US", "favorite_color", false);
    await reloadAttributes(actor);
    expect((await listMappings(actor.workspaceId))[0]!.driftReason).toBeNull();
  });
});

describe("creating an Intercom field", () => {
  it("creates it with POST /data_attributes, reloads the cache, and explains Intercom's refusals", async () => {
    const result = await createIntercomAttribute(actor, { name: "tailor_company_size", dataType: "integer" });
    expect(result.name).toBe("tailor_company_size");
    expect(result.summary.added).toBeGreaterThan(0);
    const cached = (await getAttributeCache(actor.workspaceId)).attributes.find((a) => a.name === "tailor_company_size");
    expect(cached).toMatchObject({ dataType: "integer", custom: true, unavailable: null });

    await expect(createIntercomAttribute(actor, { name: "TAILOR_company_size", dataType: "integer" })).rejects.toMatchObject({
      fieldErrors: { name: expect.stringContaining("already exists") },
      details: { reason: "duplicate" },
    });
    await expect(createIntercomAttribute(actor, { name: "bad.name", dataType: "string" })).rejects.toMatchObject({ details: { reason: "bad_name" } });

    // Fill the workspace up to Intercom's cap of 250 live custom attributes.
    const live = (await getAttributeCache(actor.workspaceId)).attributes.filter((a) => a.custom && !a.archived).length;
    for (let i = live; i < 250; i++) await createViaApi(`filler_${i}`);
    await expect(createIntercomAttribute(actor, { name: "tailor_one_more", dataType: "string" })).rejects.toMatchObject({
      fieldErrors: { name: expect.stringContaining("limit of 250") },
      details: { reason: "limit" },
    });
  });
});
