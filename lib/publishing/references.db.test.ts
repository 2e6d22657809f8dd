import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { emulatorEnv } from "@/lib/intercom/test-env";
import { ensureAttributesLoaded } from "@/lib/intercom-integration/attributes";
import { connectIntercom } from "@/lib/intercom-integration/connection";
import { connectIntercomSchema } from "@/lib/intercom-integration/schema";
import { getPersonalization, savePersonalization } from "@/lib/personalizations/personalizations";
import { describeReferenceLine } from "@/lib/rules/references";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { draftReferences } from "./references";

// The publish dialog's list, against the emulator's real tags and attributes over HTTP.

let emulator: IntercomEmulator;
let actor: { workspaceId: string; userId: string };

beforeAll(async () => {
  emulator = await startIntercomEmulator({ port: 0 });
  Object.assign(process.env, emulatorEnv(emulator));
});
afterAll(async () => emulator.close());

beforeEach(async () => {
  emulator.reset();
  const ws = await createWorkspace("References Co");
  const { user } = await createMember(ws.id, "marketer");
  actor = { workspaceId: ws.id, userId: user.id };
});

const draft = {
  placementKey: "hero",
  name: "Hero",
  defaultHtml: "<p>{{intercom.favourite_colour | fallback: \"blue\"}} {{intercom.name}}</p>",
  variants: [
    {
      id: "v1",
      name: "VIP",
      rule: {
        type: "group" as const,
        combinator: "and" as const,
        children: [
          { id: "t1", type: "tag" as const, operator: "has" as const, tag: "custmer" },
          { id: "t2", type: "tag" as const, operator: "has" as const, tag: "VIP" },
          { id: "a1", type: "attribute" as const, attribute: "custom.legacy_score", operator: "exists" as const },
          { id: "a2", type: "attribute" as const, attribute: "intercom.favorite_color", operator: "exists" as const },
        ],
      },
      html: "<p>{{intercom.favorite_color}}</p>",
    },
  ],
};

describe("draft references to Intercom", () => {
  it("checks nothing before Intercom is connected", async () => {
    await savePersonalization(actor, draft);
    expect(await draftReferences(actor.workspaceId)).toEqual({ checked: false, lines: [] });
  });

  it("lists the typo tag, the archived attribute and the unknown merge tag, each with where it is", async () => {
    const saved = await savePersonalization(actor, draft);
    // Saved in the one naming: custom.legacy_score reads back as intercom.legacy_score.
    const rule = (await getPersonalization(actor.workspaceId, saved.id)).variants[0]!.rule;
    expect(rule.children.map((c) => ("attribute" in c ? c.attribute : null)).filter(Boolean)).toEqual(["intercom.legacy_score", "intercom.favorite_color"]);

    await connectIntercom(actor, connectIntercomSchema.parse({ token: emulator.tokens.US.full, region: "US" }));
    // Tags are known at once; attributes once the cache is loaded (an editor's or the mapping screen's first visit).
    expect((await draftReferences(actor.workspaceId)).lines.map(describeReferenceLine)).toEqual(['Personalization "Hero", variant "VIP" audience: tag "custmer" is not in Intercom']);
    await ensureAttributesLoaded(actor);
    const { checked, lines } = await draftReferences(actor.workspaceId);
    expect(checked).toBe(true);
    expect(lines.map(describeReferenceLine)).toEqual([
      'Personalization "Hero", variant "VIP" audience: tag "custmer" is not in Intercom',
      'Personalization "Hero", variant "VIP" audience: attribute "legacy_score" is archived in Intercom',
      'Personalization "Hero", default content: merge tag {{intercom.favourite_colour}} is not in Intercom',
    ]);
  });
});
