import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { listAudit } from "@/lib/audit";
import { connectIntercom } from "@/lib/intercom-integration/connection";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { lookupContact } from "./contact";
import { getSyncLog, syncLogFilterSchema } from "@/lib/sync";
import { runTrialWrite } from "./trial-write";

// The panel end to end against the in-process emulator: lookups, the rule trace, test writes and
// their failures, the audit entry, and no token anywhere in what the panel receives.

let emulator: IntercomEmulator;
let actor: { workspaceId: string; userId: string };
let roleGroupId: string;
const GRACE = "b6ada398cf585702b716711a";

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0 });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  emulator.reset();
  const ws = await createWorkspace("Debug Co");
  const { user } = await createMember(ws.id, "support");
  actor = { workspaceId: ws.id, userId: user.id };
  await connectIntercom(actor, { token: emulator.tokens.US.full, region: "US" });
  const db = getDb();
  const [group] = await db
    .insert(tables.segmentGroups)
    .values({ workspaceId: ws.id, key: "role", name: "Role", selection: "single", kind: "categorical", position: 0 })
    .returning();
  roleGroupId = group!.id;
  await db.insert(tables.segments).values(
    ["founder", "marketer", "developer"].map((key, position) => ({ workspaceId: ws.id, groupId: group!.id, key, name: key[0]!.toUpperCase() + key.slice(1), position })),
  );
  await db.insert(tables.fieldMappings).values({
    workspaceId: ws.id,
    sourceType: "group",
    sourceId: group!.id,
    attributeName: "job_role",
    conversion: "segment_key",
    writePolicy: "overwrite",
    enabled: true,
    position: 0,
  });
});

async function publishRoleRule() {
  await savePersonalization(actor, {
    placementKey: "hero",
    name: "Hero",
    defaultHtml: "Hi {{intercom.favorite_color | fallback: \"friend\"}}",
    variants: [
      {
        id: "v-dev",
        name: "Developers",
        rule: { type: "group", combinator: "and", children: [{ id: "c1", type: "attribute", attribute: "intercom.job_role", operator: "equals", value: "developer" }] },
        html: "Hello {{intercom.name}}",
      },
    ],
  });
  await publishDraft(actor);
}

describe("lookup", () => {
  it("reads a contact fresh, with tags, typed attributes, the mapped group and the rule trace", async () => {
    await publishRoleRule();
    const result = await lookupContact(actor.workspaceId, { query: "grace@example.com" });
    expect(result.kind).toBe("contact");
    if (result.kind !== "contact") return;
    const { contact } = result;
    expect(contact).toMatchObject({ id: GRACE, role: "user", name: "Grace Hopper", email: "grace@example.com" });
    expect(contact.customAttributes.find((a) => a.name === "job_role")).toMatchObject({ value: "developer", dataType: "string", mappedFrom: ["Role"] });
    expect(contact.plan).toMatchObject({ source: "published", version: 1, groups: [{ name: "Role", mappings: [{ attribute: "job_role" }] }] });
    const hero = contact.rules.personalizations[0]!;
    expect(hero.winner).toBe("Developers");
    expect(hero.variants[0]!.rows.at(-1)).toMatchObject({ text: "job_role equals developer", matched: true, seen: '"developer"' });
    expect(hero.contents).toMatchObject([
      { label: "Default content", shown: false, tags: [{ path: "intercom.favorite_color", value: "friend", usedFallback: true }] },
      { label: "Variant “Developers”", shown: true, tags: [{ value: "Grace Hopper", usedFallback: false }] },
    ]);
    expect(result.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      "POST /contacts/search 200",
      `GET /contacts/${GRACE} 200`,
      "GET /data_attributes 200",
    ]);
    expect(result.calls[1]!.response).toMatchObject({ id: GRACE });
    expect(result.calls[1]!.requestId).toBeTruthy();
    expect(JSON.stringify(result)).not.toContain(emulator.tokens.US.full);
  });

  it("offers a choice when an email matches several contacts, and finds nobody for an unknown one", async () => {
    const several = await lookupContact(actor.workspaceId, { query: "sam@example.com" });
    expect(several).toMatchObject({ kind: "several", defaultId: "0ab89ab61fc6bc174318a953" });
    if (several.kind === "several") expect(several.matches.map((m) => m.role).sort()).toEqual(["lead", "lead", "user"]);
    const chosen = await lookupContact(actor.workspaceId, { query: "sam@example.com", contactId: "8cfa94fa202736942684b9cb" });
    expect(chosen).toMatchObject({ kind: "contact", contact: { role: "lead" }, pickedBecause: "chosen from the matches" });
    expect(await lookupContact(actor.workspaceId, { query: "nobody@example.com" })).toMatchObject({
      kind: "not_found",
      message: "No Intercom contact has the email nobody@example.com.",
    });
    expect(await lookupContact(actor.workspaceId, { query: "000000000000000000000000" })).toMatchObject({ kind: "not_found" });
  });

  it("explains a revoked token", async () => {
    emulator.state.revokeToken(emulator.tokens.US.full);
    expect(await lookupContact(actor.workspaceId, { query: GRACE })).toMatchObject({
      kind: "error",
      message: "Intercom says the token was revoked: reconnect in Integrations → Intercom.",
    });
  });
});

describe("test write", () => {
  it("writes through the mapping, re-reads, verifies and audits who wrote what", async () => {
    const result = await runTrialWrite(actor, { contactId: GRACE, selections: { [roleGroupId]: ["founder"] } });
    expect(result).toMatchObject({
      outcome: "verified",
      message: 'Verified: Intercom now has job_role = "founder".',
      rows: [{ attribute: "job_role", before: "developer", after: "founder", changed: true }],
    });
    expect(result.contact?.values.job_role).toBe("founder");
    expect(result.calls.find((c) => c.method === "PUT")).toMatchObject({ status: 200, request: { custom_attributes: { job_role: "founder" } } });
    expect(emulator.state.workspace("US").contacts.get(GRACE)?.custom_attributes.job_role).toBe("founder");
    const [entry] = await listAudit(actor.workspaceId, { action: "debug.test_write" });
    expect(entry).toMatchObject({ target: GRACE, details: { contactId: GRACE, attributes: { job_role: "founder" }, outcome: "verified" } });
    expect(JSON.stringify([result, entry])).not.toContain(emulator.tokens.US.full);
    const log = await getSyncLog(actor.workspaceId, syncLogFilterSchema.parse({}));
    expect(log.entries.find((e) => e.kind === "test")).toMatchObject({ status: "done", contactId: GRACE, values: { job_role: "founder" } });
  });

  it("says exactly why Intercom refused: archived attribute, rate limit", async () => {
    emulator.state.setAttributeArchived("US", "job_role", true);
    const archived = await runTrialWrite(actor, { contactId: GRACE, selections: { [roleGroupId]: ["founder"] } });
    expect(archived).toMatchObject({ outcome: "failed", contact: null });
    expect(archived.message).toMatch(/^Intercom refused: .*job_role.* \(archived or unknown attribute\) Nothing was written\.$/);
    expect(archived.calls.find((c) => c.method === "PUT")).toMatchObject({ status: 400, response: { error: { kind: "validation", reason: "unknown_attribute" } } });
    emulator.state.setAttributeArchived("US", "job_role", false);

    emulator.settings.rateLimit = 0;
    const limited = await runTrialWrite(actor, { contactId: GRACE, selections: { [roleGroupId]: ["founder"] } });
    expect(limited.message).toMatch(/^Intercom rate limited until \d\d:\d\d:\d\d UTC\. Nothing was written\./);
    const audit = await listAudit(actor.workspaceId, { action: "debug.test_write" });
    expect(audit.map((a) => a.details?.outcome)).toEqual(["failed", "failed"]);
    const log = await getSyncLog(actor.workspaceId, syncLogFilterSchema.parse({}));
    expect(log.entries.filter((e) => e.kind === "test").map((e) => e.status)).toEqual(["failed"]); // the rate-limited PUT never went out
  });

  it("refuses segments that don't exist", async () => {
    await expect(runTrialWrite(actor, { contactId: GRACE, selections: { [roleGroupId]: ["ceo"] } })).rejects.toThrow('Role has no segment "ceo".');
    const [mapping] = await getDb().select().from(tables.fieldMappings).where(eq(tables.fieldMappings.workspaceId, actor.workspaceId));
    expect(mapping).toBeTruthy();
  });
});
