import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/db/client";
import { demoFlow } from "@/lib/dev/seed-flow";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { savePersonalization } from "@/lib/personalizations/personalizations";
import { publishDraft } from "@/lib/publishing/versions";
import { toPublicApiError } from "@/lib/public-api/http";
import { VisitorRequestError } from "./errors";
import { decide } from "@/lib/runtime/decide";
import { contactAttributes, linkedVisitor, setUpSyncWorkspace, syncFixture, TEST_SYNC_CONFIG } from "@/lib/sync/test-support";
import { SyncWorker } from "@/lib/sync/worker";
import { getFlowAnalytics } from "@/lib/flows/analytics";
import { saveFlow } from "@/lib/flows/flows";
import { advanceFlow } from "./flows";

// Flows end to end below the HTTP layer: real database, real emulator over HTTP, the demo flow
// (role question → customers get a welcome message, everyone else a trial CTA → end), role mapped
// to the contact field tailor_role.

let emulator: IntercomEmulator;
let workspaceId: string;
let actor: { workspaceId: string; userId: string };

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0, fixture: syncFixture() });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  emulator.reset();
  const set = await setUpSyncWorkspace(emulator, [{ source: "“What best describes you?”", attribute: "tailor_role", conversion: "segment_key" }]);
  workspaceId = set.workspaceId;
  actor = set.actor;
  await saveFlow(set.actor, { flow: demoFlow });
  await publishDraft(set.actor);
});

function tag(contactId: string, name: string) {
  const ws = emulator.state.workspace("US");
  const tagId = ws.tags.find((t) => t.name === name)!.id;
  ws.contacts.get(contactId)!.tags.push({ id: tagId, applied_at: 0 });
}

const offer = async (anonymousId: string) => (await decide(workspaceId, anonymousId, [], { offerFlows: true })).flow;

async function eventsOf(anonymousId: string) {
  const e = tables.flowEvents;
  const v = tables.visitors;
  const rows = await getDb()
    .select({ stepId: e.stepId, kind: e.kind, at: e.createdAt })
    .from(e)
    .innerJoin(v, eq(v.id, e.visitorId))
    .where(and(eq(v.workspaceId, workspaceId), eq(v.anonymousId, anonymousId)));
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime()).map((r) => `${r.stepId}:${r.kind}`);
}

describe("flows at runtime", () => {
  it("a customer answers the role question, gets branch A, and the answer reaches the contact's mapped field", async () => {
    const v = await linkedVisitor(emulator, workspaceId, "customer-ada");
    tag(v.contactId, "customer");

    const first = await offer(v.anonymousId);
    expect(first).toEqual({
      key: "welcome",
      name: "Welcome",
      step: {
        id: "role",
        type: "question",
        title: "What best describes you?",
        selection: "single",
        answers: [
          { key: "founder", label: "I run the company" },
          { key: "marketer", label: "I work in marketing" },
          { key: "developer", label: "I build the product" },
        ],
      },
    });

    const a = await advanceFlow(workspaceId, v.anonymousId, { flow: "welcome", step: "role", action: "answer", answers: ["founder"] });
    expect(a.flow?.step).toMatchObject({ id: "customer-welcome", type: "message", title: "Welcome back!" });
    expect(a.flow?.step.type === "message" && a.flow.step.bodyHtml).toContain("Thanks for being a customer, friend.");

    const end = await advanceFlow(workspaceId, v.anonymousId, { flow: "welcome", step: "customer-welcome", action: "continue" });
    expect(end.flow?.step).toEqual({ id: "done", type: "end", title: "Thanks!", bodyHtml: "We&#39;ll tailor this site to you." });
    expect(await offer(v.anonymousId)).toBeUndefined(); // completed: not offered again
    expect(await eventsOf(v.anonymousId)).toEqual(["role:view", "role:answer", "customer-welcome:view", "customer-welcome:continue", "done:view", "done:complete"]);

    // The answer is the visitor's segment (placements see it) and is written to Intercom by the sync engine.
    await new SyncWorker({ config: TEST_SYNC_CONFIG }).drain({ timeoutMs: 10_000 });
    expect(contactAttributes(emulator, v.contactId)).toMatchObject({ tailor_role: "founder" });
  });

  it("a visitor without the customer tag gets branch B (the trial CTA); anonymous visitors aren't in the audience", async () => {
    const v = await linkedVisitor(emulator, workspaceId, "prospect-bob");
    expect((await offer(v.anonymousId))?.step.id).toBe("role");
    const b = await advanceFlow(workspaceId, v.anonymousId, { flow: "welcome", step: "role", action: "answer", answers: ["developer"] });
    expect(b.flow?.step).toMatchObject({ id: "trial", type: "cta", buttonLabel: "Start my trial", url: "/demo-site?trial=1" });
    expect((await advanceFlow(workspaceId, v.anonymousId, { flow: "welcome", step: "trial", action: "cta" })).flow?.step.id).toBe("done");

    expect(await offer("anonymous-visitor-1")).toBeUndefined();
    const anon = await advanceFlow(workspaceId, "anonymous-visitor-1", { flow: "welcome", step: "role", action: "answer", answers: ["marketer"] });
    expect(anon.flow?.step.id).toBe("trial"); // no Intercom data: the customer rule can't match
  });

  it("a contact whose mapped field already names a role skips the question, and routes by it", async () => {
    const v = await linkedVisitor(emulator, workspaceId, "known-role", { tailor_role: "Marketer" });
    tag(v.contactId, "customer");
    const first = await offer(v.anonymousId);
    expect(first?.step).toMatchObject({ id: "customer-welcome", type: "message" });
    expect(await eventsOf(v.anonymousId)).toEqual(["role:skip", "customer-welcome:view"]);

    // A value that names no segment tells nothing: the question is asked.
    const unknown = await linkedVisitor(emulator, workspaceId, "odd-role", { tailor_role: "astronaut" });
    expect((await offer(unknown.anonymousId))?.step.id).toBe("role");
  });

  it("a closed flow is not offered again; analytics count distinct visitors per step", async () => {
    const quitter = await linkedVisitor(emulator, workspaceId, "quitter");
    await offer(quitter.anonymousId);
    await offer(quitter.anonymousId); // a reload shows the same step: still one visitor
    expect((await advanceFlow(workspaceId, quitter.anonymousId, { flow: "welcome", step: "role", action: "dismiss" })).flow).toBeNull();
    expect(await offer(quitter.anonymousId)).toBeUndefined();

    const finisher = await linkedVisitor(emulator, workspaceId, "finisher");
    await offer(finisher.anonymousId);
    await advanceFlow(workspaceId, finisher.anonymousId, { flow: "welcome", step: "role", action: "answer", answers: ["founder"] });
    await advanceFlow(workspaceId, finisher.anonymousId, { flow: "welcome", step: "trial", action: "continue" });

    const later = await getFlowAnalytics(workspaceId, "welcome", demoFlow.steps, { since: new Date(Date.now() + 60_000) });
    expect(later).toMatchObject({ started: 0, completed: 0 });
    const stats = await getFlowAnalytics(workspaceId, "welcome", demoFlow.steps, { since: new Date(Date.now() - 60_000) });
    expect(stats.started).toBe(2);
    expect(stats.completed).toBe(1);
    expect(stats.steps).toEqual([
      { stepId: "role", views: 2, progressed: 1, skipped: 0, dismissed: 1, dropOff: 1, answers: [{ key: "founder", visitors: 1 }] },
      { stepId: "customer-welcome", views: 0, progressed: 0, skipped: 0, dismissed: 0, dropOff: 0, answers: [] },
      { stepId: "trial", views: 1, progressed: 1, skipped: 0, dismissed: 0, dropOff: 0, answers: [] },
      { stepId: "done", views: 1, progressed: 0, skipped: 0, dismissed: 0, dropOff: 0, answers: [] },
    ]);
  });

  it("a flow with nothing left to ask completes silently: not shown, counted as reached and completed", async () => {
    const [welcome] = await getDb().select().from(tables.flows).where(eq(tables.flows.workspaceId, workspaceId));
    const short = { ...demoFlow, steps: [{ ...demoFlow.steps[0]!, branches: [], defaultNext: "done" }, demoFlow.steps[3]!] } as typeof demoFlow;
    await saveFlow(actor, { id: welcome!.id, flow: short });
    await publishDraft(actor);
    const v = await linkedVisitor(emulator, workspaceId, "all-known", { tailor_role: "founder" });
    expect(await offer(v.anonymousId)).toBeUndefined();
    expect(await eventsOf(v.anonymousId)).toEqual(["role:skip", "role:complete"]);
    expect(await offer(v.anonymousId)).toBeUndefined();
    expect(await eventsOf(v.anonymousId)).toHaveLength(2); // closed: not evaluated again
    const stats = await getFlowAnalytics(workspaceId, "welcome", short.steps);
    expect(stats).toMatchObject({ started: 1, completed: 1 });
  });

  it("refuses bad requests with a clear error and records nothing", async () => {
    const v = await linkedVisitor(emulator, workspaceId, "bad-input");
    await offer(v.anonymousId);
    const before = await eventsOf(v.anonymousId);
    const attempt = (input: Parameters<typeof advanceFlow>[2]) => advanceFlow(workspaceId, v.anonymousId, input).then(() => null, (e: unknown) => e);

    const cases: [Parameters<typeof advanceFlow>[2], number, string][] = [
      [{ flow: "nope", step: "role", action: "continue" }, 404, "unknown_flow"],
      [{ flow: "welcome", step: "gone", action: "continue" }, 409, "unknown_step"],
      [{ flow: "welcome", step: "role", action: "continue" }, 400, "invalid_action"],
      [{ flow: "welcome", step: "role", action: "answer", answers: ["astronaut"] }, 400, "invalid_answer"],
      [{ flow: "welcome", step: "role", action: "answer", answers: ["founder", "developer"] }, 400, "invalid_answer"],
    ];
    for (const [input, status, code] of cases) {
      const error = await attempt(input);
      // The runtime throws a domain error; the public API's edge turns it into the HTTP answer.
      expect(error, code).toBeInstanceOf(VisitorRequestError);
      expect(toPublicApiError(error)).toMatchObject({ status, code });
    }
    expect(await eventsOf(v.anonymousId)).toEqual(before);
    const answers = await getDb().select().from(tables.visitorAnswers).where(eq(tables.visitorAnswers.workspaceId, workspaceId));
    expect(answers).toEqual([]);
  });
});

describe("segments inferred from mapped Intercom fields", () => {
  it("personalizations see them too, and the visitor's own answer wins", async () => {
    await savePersonalization(actor, {
      placementKey: "hero",
      name: "Hero",
      defaultHtml: "Hello",
      variants: [{ id: "dev", name: "Developers", rule: { type: "group", combinator: "and", children: [{ id: "c", type: "segment", group: "role", operator: "is", segment: "developer" }] }, html: "Hello, developer" }],
    });
    await publishDraft(actor);
    const v = await linkedVisitor(emulator, workspaceId, "inferred-dev", { tailor_role: "developer" });
    expect((await decide(workspaceId, v.anonymousId, ["hero"])).placements.hero).toEqual({ html: "Hello, developer", variant: "Developers", arm: expect.stringMatching(/^variant:/) });

    const { recordAnswer } = await import("@/lib/runtime/answers");
    await recordAnswer(workspaceId, v.anonymousId, "describes_you", ["founder"]);
    expect((await decide(workspaceId, v.anonymousId, ["hero"])).placements.hero).toEqual({ html: "Hello", variant: null, arm: "default" });
  });
});
