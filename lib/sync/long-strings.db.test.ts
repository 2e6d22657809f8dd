import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { listMappings } from "@/lib/intercom-integration/mappings";
import { startIntercomEmulator, type IntercomEmulator, type RecordedExchange } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { recordAnswer } from "@/lib/runtime/answers";
import { contactAttributes, jobsOf, linkedVisitor, setUpSyncWorkspace, syncFixture, TEST_SYNC_CONFIG } from "./test-support";
import { SyncWorker } from "./worker";

// A mapping's policy for text over Intercom's 255 characters: "truncate" cuts it with "…",
// "refuse" sends nothing for that attribute and the sync log names it with its length.
let emulator: IntercomEmulator;
let exchanges: RecordedExchange[] = [];
beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture(), onExchange: (e) => exchanges.push(e) });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());
beforeEach(() => {
  emulator.reset();
  exchanges = [];
});

/** Interests' segment names become 150 characters, so two joined names are 301 characters. */
async function longInterestNames(workspaceId: string) {
  const g = tables.segmentGroups;
  const [group] = await getDb().select({ id: g.id }).from(g).where(and(eq(g.workspaceId, workspaceId), eq(g.key, "interests")));
  const segs = await getDb().select({ id: tables.segments.id, key: tables.segments.key }).from(tables.segments).where(eq(tables.segments.groupId, group!.id));
  for (const s of segs) await getDb().update(tables.segments).set({ name: s.key.padEnd(150, "x") }).where(eq(tables.segments.id, s.id));
}

const mappings = (longStrings: "truncate" | "refuse") => [
  { source: "“What best describes you?”", attribute: "tailor_role", conversion: "segment_key" },
  { source: "Interests", attribute: "tailor_interests", conversion: "joined_names", longStrings },
];

describe("long strings policy per mapping", () => {
  it("refuse: the long value is not sent, the rest is, and the job names the attribute and its length", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, mappings("refuse"));
    expect((await listMappings(workspaceId)).find((m) => m.attribute === "tailor_interests")?.longStrings).toBe("refuse");
    await longInterestNames(workspaceId);
    const v = await linkedVisitor(emulator, workspaceId, "long-refuse");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    await recordAnswer(workspaceId, v.anonymousId, "looking_for", ["analytics", "automation"]);
    await new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 10_000 });
    const [job] = await jobsOf(workspaceId);
    expect(job).toMatchObject({ status: "done", lastErrorCode: "value_too_long", sentValues: { tailor_role: "founder" } });
    expect(job!.lastErrorMessage).toContain('"tailor_interests" is 301 characters');
    expect(contactAttributes(emulator, v.contactId)).toMatchObject({ tailor_role: "founder" });
    expect(contactAttributes(emulator, v.contactId).tailor_interests ?? null).toBeNull();
  });

  it("refuse with nothing else to write: no request at all, the job failed with the reason", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, [mappings("refuse")[1]!]);
    await longInterestNames(workspaceId);
    const v = await linkedVisitor(emulator, workspaceId, "long-only");
    await recordAnswer(workspaceId, v.anonymousId, "looking_for", ["analytics", "automation"]);
    exchanges = [];
    await new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 10_000 });
    const [job] = await jobsOf(workspaceId);
    expect(job).toMatchObject({ status: "failed", lastErrorCode: "value_too_long" });
    expect(job!.lastErrorMessage).toMatch(/"tailor_interests" is 301 characters, over Intercom's 255-character limit/);
    expect(exchanges.filter((e) => e.method === "PUT")).toHaveLength(0);
  });

  it("truncate (the default): written cut to 255 characters with an ellipsis", async () => {
    const { workspaceId } = await setUpSyncWorkspace(emulator, mappings("truncate"));
    await longInterestNames(workspaceId);
    const v = await linkedVisitor(emulator, workspaceId, "long-cut");
    await recordAnswer(workspaceId, v.anonymousId, "looking_for", ["analytics", "automation"]);
    await new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 10_000 });
    const written = contactAttributes(emulator, v.contactId).tailor_interests as string;
    expect([...written]).toHaveLength(255);
    expect(written.endsWith("…")).toBe(true);
    expect((await jobsOf(workspaceId))[0]).toMatchObject({ status: "done", lastErrorCode: null });
  });
});
