"use server";

import { defineAction } from "@/lib/action";
import { lookupContact } from "./contact";
import { lookupContactSchema, trialWriteSchema } from "./schema";
import { runTrialWrite } from "./trial-write";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { contactBehavior, sendTestEvent } from "./behavior";

const contactIdSchema = z.object({ contactId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not an Intercom contact id.") });

/** Reads one contact fresh from Intercom, with what Tailor knows about it; changes nothing in Intercom. Audited. */
export const lookupContactAction = defineAction({
  name: "debugLookupContact",
  schema: lookupContactSchema,
  capability: "debug:read",
  run: async (input, ctx) => {
    const result = await lookupContact(ctx.workspaceId, input);
    // Who read which contact's Intercom data is worth keeping; it also ticks the Overview's "test a known contact".
    if (result.kind === "contact") {
      await recordAudit({ workspaceId: ctx.workspaceId, actorUserId: ctx.userId, action: "debug.contact_viewed", target: result.contact.id });
    }
    return result;
  },
});

/** Writes test values for mapped segment groups to one contact, then reads it back. Audited. */
export const trialWriteAction = defineAction({
  name: "debugTestWrite",
  schema: trialWriteSchema,
  capability: "debug:write-test",
  run: async (input, ctx) => runTrialWrite(ctx, input),
});

/** The contact's latest data events and its behaviour fields' current values. */
export const contactBehaviorAction = defineAction({
  name: "debugContactBehavior",
  schema: contactIdSchema,
  capability: "debug:read",
  run: async (input, ctx) => contactBehavior(ctx.workspaceId, input.contactId),
});

/** Sends a test data event to the contact and reads it back. Audited. */
export const testEventAction = defineAction({
  name: "debugTestEvent",
  schema: contactIdSchema,
  capability: "debug:write-test",
  run: async (input, ctx) => {
    const result = await sendTestEvent(ctx, input.contactId);
    await recordAudit({ workspaceId: ctx.workspaceId, actorUserId: ctx.userId, action: "debug.test_event", target: input.contactId, details: { ok: result.ok, verified: result.verified } });
    return result;
  },
});
