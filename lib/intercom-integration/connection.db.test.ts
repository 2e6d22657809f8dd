import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { listAudit } from "@/lib/audit";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { listNotifications } from "@/lib/notifications";
import { connectIntercom, disconnectIntercom, getConnectionView, testIntercomConnection, withIntercom, WorkspaceSwitchError } from "./connection";
import { canWriteBack } from "./health";
import { connectIntercomSchema } from "./schema";

let emulator: IntercomEmulator;
let actor: { workspaceId: string; userId: string };

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0 });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  emulator.reset();
  const ws = await createWorkspace("Connect Co");
  const { user } = await createMember(ws.id, "marketer");
  actor = { workspaceId: ws.id, userId: user.id };
});

const input = (token: string, region: "US" | "EU" | "AU" = "US") => connectIntercomSchema.parse({ token, region });

async function storedRow() {
  const [row] = await getDb().select().from(tables.intercomConnections).where(eq(tables.intercomConnections.workspaceId, actor.workspaceId));
  return row;
}

describe("connecting Intercom", () => {
  it("verifies with /me and stores only ciphertext, hint and workspace facts", async () => {
    const token = emulator.tokens.US.full;
    const view = await connectIntercom(actor, input(` ${token} `));
    expect(view).toMatchObject({ status: "connected", region: "US", appName: "Acme (US)", appId: "ecahpwf5", tokenHint: token.slice(-4) });
    const row = await storedRow();
    expect(row!.tokenCiphertext.startsWith("v1:")).toBe(true);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await getConnectionView(actor.workspaceId))).not.toContain(token);
    const audit = await listAudit(actor.workspaceId);
    expect(audit[0]).toMatchObject({ action: "intercom.connected", target: "Acme (US)" });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("suggests the right region for an EU token sent to the US host, and saves nothing", async () => {
    await expect(connectIntercom(actor, input(emulator.tokens.EU.full, "US"))).rejects.toMatchObject({
      fieldErrors: { region: "This token belongs to an Intercom workspace hosted in the EU." },
      details: { suggestedRegion: "EU" },
    });
    expect(await storedRow()).toBeUndefined();
  });

  it("also finds the region when the US host refuses foreign tokens (strict)", async () => {
    emulator.settings.crossRegion = "strict";
    await expect(connectIntercom(actor, input(emulator.tokens.AU.full, "US"))).rejects.toMatchObject({ details: { suggestedRegion: "AU" } });
    await expect(connectIntercom(actor, input(emulator.tokens.US.full, "EU"))).rejects.toMatchObject({ details: { suggestedRegion: "US" } });
  });

  it("explains a token no region accepts, and audits the failed attempt without the token", async () => {
    const garbage = "dG9rOm5vdC1hLXJlYWwtdG9rZW4tYXQtYWxsLTEyMzQ1Ng==";
    await expect(connectIntercom(actor, input(garbage))).rejects.toMatchObject({ fieldErrors: { token: expect.stringMatching(/doesn't recognise/) } });
    expect(await storedRow()).toBeUndefined();
    const audit = await listAudit(actor.workspaceId);
    expect(audit[0]).toMatchObject({ action: "intercom.connect_failed", details: { reason: "invalid_token", region: "US" } });
    expect(JSON.stringify(audit)).not.toContain(garbage);
  });

  it("says Intercom is unreachable on dropped connections and 5xx, and keeps the previous connection", async () => {
    await connectIntercom(actor, input(emulator.tokens.US.full));
    const before = await storedRow();
    emulator.faults.set({ dropRate: 1 });
    await expect(connectIntercom(actor, input(emulator.tokens.EU.full, "EU"))).rejects.toThrow(/Intercom is unreachable/);
    emulator.faults.set({ errorRate: 1, errorStatus: 503 });
    await expect(connectIntercom(actor, input(emulator.tokens.EU.full, "EU"))).rejects.toThrow(/Intercom is unreachable/);
    emulator.faults.clear();
    expect(await storedRow()).toEqual(before);
  });

  it("reports the rate-limit reset time", async () => {
    await fetch(`${emulator.controlUrl}/rate-limit`, { method: "POST", body: JSON.stringify({ limit: 0, region: "US" }) });
    await expect(connectIntercom(actor, input(emulator.tokens.US.full))).rejects.toThrow(/rate-limiting this token until \d\d:\d\d:\d\d UTC/);
    expect(await storedRow()).toBeUndefined();
  });

  it("replaces the token only once the new one is verified", async () => {
    await connectIntercom(actor, input(emulator.tokens.US.full));
    await expect(connectIntercom(actor, input("dG9rOmJhZC10b2tlbi1mb3ItcmVwbGFjZS0xMjM0NQ=="))).rejects.toThrow();
    expect((await getConnectionView(actor.workspaceId)) as { tokenHint: string }).toMatchObject({ tokenHint: emulator.tokens.US.full.slice(-4) });
    // Another token of the same Intercom workspace: a plain replacement.
    await connectIntercom(actor, input(emulator.tokens.US.readOnly));
    expect((await listAudit(actor.workspaceId))[0]).toMatchObject({ action: "intercom.token_replaced", details: { canWrite: false } });
    expect(await canWriteBack(actor.workspaceId)).toBe(false);
    await connectIntercom(actor, input(emulator.tokens.US.full));
    expect(await canWriteBack(actor.workspaceId)).toBe(true);
  });

  it("switching to another Intercom workspace needs its own confirmation, lists the effects and is audited", async () => {
    await connectIntercom(actor, input(emulator.tokens.US.full));
    const refusal = await connectIntercom(actor, input(emulator.tokens.EU.full, "EU")).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(WorkspaceSwitchError);
    const details = (refusal as WorkspaceSwitchError).details!;
    expect(details).toMatchObject({ workspaceSwitch: "true", from: "Acme (US)", to: "Acme (EU)" });
    expect(details.effects).toMatch(/pending writes to Acme \(US\) contacts will be cancelled/);
    expect(await getConnectionView(actor.workspaceId)).toMatchObject({ appName: "Acme (US)" }); // nothing changed yet

    const replaced = await connectIntercom(actor, { ...input(emulator.tokens.EU.full, "EU"), confirmWorkspaceSwitch: true });
    expect(replaced).toMatchObject({ status: "connected", region: "EU", appName: "Acme (EU)" });
    expect((await listAudit(actor.workspaceId))[0]).toMatchObject({
      action: "intercom.workspace_switched",
      details: { fromAppName: "Acme (US)", appId: expect.any(String), cancelledWrites: 0 },
    });
  });

  it("flips to needs attention on a later 401 and recovers after a successful test", async () => {
    await connectIntercom(actor, input(emulator.tokens.US.full));
    emulator.state.revokeToken(emulator.tokens.US.full);
    await expect(withIntercom(actor.workspaceId, (c) => c.getContact("anything"))).rejects.toMatchObject({ kind: "invalid_token" });
    expect(await getConnectionView(actor.workspaceId)).toMatchObject({ status: "needs_attention", reason: expect.stringMatching(/Replace the token/) });
    expect(await testIntercomConnection(actor)).toMatchObject({ ok: false });

    emulator.reset(); // token valid again
    expect(await testIntercomConnection(actor)).toEqual({ ok: true, appName: "Acme (US)", readOnly: false });
    expect(await getConnectionView(actor.workspaceId)).toMatchObject({ status: "connected", reason: null });
    const titles = (await listNotifications(actor.workspaceId, actor.userId)).map((n) => n.title);
    expect(titles).toEqual(["Intercom connection recovered", "Intercom connection needs attention"]);
  });

  it("disconnect deletes the secret", async () => {
    await connectIntercom(actor, input(emulator.tokens.US.full));
    await disconnectIntercom(actor);
    expect(await storedRow()).toBeUndefined();
    expect(await getConnectionView(actor.workspaceId)).toEqual({ status: "not_connected" });
    expect((await listAudit(actor.workspaceId))[0]).toMatchObject({ action: "intercom.disconnected" });
  });
});

describe("token format (checked before any network call)", () => {
  it.each([
    ["", "Paste your Intercom access token."],
    ["Bearer abcdefghijklmnopqrstuvwxyz", 'without "Bearer"'],
    ["abc def ghi jkl mno pqr stu", "spaces or characters"],
    ["short", "too short"],
  ])("refuses %j", (token, message) => {
    const result = connectIntercomSchema.safeParse({ token, region: "US" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain(message);
  });
});
