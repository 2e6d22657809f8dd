// Shared set-up for the sync engine's tests and benchmark: real database, real emulator over HTTP.
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { seedDemoSegments } from "@/db/seed";
import { reloadAttributes } from "@/lib/intercom-integration/attributes";
import { connectIntercom } from "@/lib/intercom-integration/connection";
import defaultFixture from "@/emulator/fixture.json";
import type { EmulatorFixture, IntercomEmulator } from "@/emulator/server";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { DEFAULT_MAPPINGS, setMappings, type MappingSpec } from "./test-mappings";

export { DEFAULT_MAPPINGS, setMappings, type MappingSpec };

/** A second full-access US token, to reconnect after the first was revoked. */
export const SECOND_US_TOKEN = Buffer.from("tok:sync-reconnect_0001:5f1c0ffee5f1c0ffee5f1c0ffee5f1c0ffee").toString("base64");

const attribute = (id: number, name: string, dataType: string) => ({
  id,
  name,
  full_name: `custom_attributes.${name}`,
  label: name,
  description: "Written by Tailor",
  data_type: dataType,
  api_writable: true,
  ui_writable: false,
  messenger_writable: false,
  custom: true,
  archived: false,
  admin_id: "991267459",
  created_at: 1734537101,
  updated_at: 1734537101,
  model: "contact",
});

/** The default fixture plus Tailor's attributes and a spare token in the US workspace. */
export function syncFixture(): EmulatorFixture {
  const fixture = structuredClone(defaultFixture) as unknown as EmulatorFixture;
  const us = fixture.workspaces.find((w) => w.region === "US")!;
  us.dataAttributes.push(
    attribute(901, "tailor_role", "string") as never,
    attribute(902, "tailor_team_size", "integer") as never,
    attribute(903, "tailor_interests", "string") as never,
    attribute(904, "tailor_is_founder", "boolean") as never,
  );
  us.tokens.push({ token: SECOND_US_TOKEN, access: "full", label: "US spare (tests)" });
  return fixture;
}

/** A workspace with the demo segments, connected to the emulator's US workspace, with published mappings. */
export async function setUpSyncWorkspace(emulator: IntercomEmulator, mappings: MappingSpec[] = DEFAULT_MAPPINGS) {
  const ws = await createWorkspace("Sync Co");
  const { user } = await createMember(ws.id, "owner");
  const actor = { workspaceId: ws.id, userId: user.id };
  await seedDemoSegments(ws.id);
  await connectIntercom(actor, { token: emulator.tokens.US.full, region: "US" });
  await reloadAttributes(actor);
  if (mappings.length > 0) await setMappings(actor, mappings);
  return { workspaceId: ws.id, actor };
}

/** An Intercom contact in the emulator and a Tailor visitor already linked to it. */
export async function linkedVisitor(emulator: IntercomEmulator, workspaceId: string, name: string, customAttributes: Record<string, string | number | boolean | null> = {}) {
  const email = `${name}@sync.example`;
  const contact = emulator.state.addContact("US", { email, custom_attributes: customAttributes }, 0);
  const anonymousId = `anon-${name}`;
  await getDb()
    .insert(tables.visitors)
    .values({ workspaceId, anonymousId, email, intercomContactId: contact.id, linkReason: "test", identifiedBy: "verified", identifiedAt: new Date(), lastSeenAt: new Date() });
  return { anonymousId, contactId: contact.id, email };
}

export function contactAttributes(emulator: IntercomEmulator, contactId: string): Record<string, unknown> {
  return { ...(emulator.state.workspace("US").contacts.get(contactId)?.custom_attributes ?? {}) };
}

export async function jobsOf(workspaceId: string) {
  const j = tables.syncJobs;
  return getDb().select().from(j).where(eq(j.workspaceId, workspaceId));
}

export async function attemptsOf(jobId: string) {
  const a = tables.syncAttempts;
  const rows = await getDb().select().from(a).where(eq(a.jobId, jobId));
  return rows.sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
}

/** Fast settings for tests: short backoff, quick polling, housekeeping on every loop. */
export const TEST_SYNC_CONFIG = {
  pollMs: 20,
  housekeepingMs: 0,
  backfillSettleMs: 0,
  backoffBaseMs: 20,
  backoffMaxMs: 200,
  maxAttempts: 4,
  leaseMs: 5_000,
  writeTimeoutMs: 1_000,
  readTimeoutMs: 1_000,
  // The scheduled refresh has its own tests (lib/intercom-integration/refresh.db.test.ts); here it would only add calls.
  intercomRefresh: false,
} as const;
