"use server";

import { defineAction } from "@/lib/action";
import { lookupContact } from "./contact";
import { lookupContactSchema, trialWriteSchema } from "./schema";
import { runTrialWrite } from "./trial-write";

/** Reads one contact fresh from Intercom, with what Tailor knows about it; changes nothing in Intercom. */
export const lookupContactAction = defineAction({
  name: "debugLookupContact",
  schema: lookupContactSchema,
  capability: "debug:read",
  run: async (input, ctx) => lookupContact(ctx.workspaceId, input),
});

/** Writes test values for mapped segment groups to one contact, then reads it back. Audited. */
export const trialWriteAction = defineAction({
  name: "debugTestWrite",
  schema: trialWriteSchema,
  capability: "debug:write-test",
  run: async (input, ctx) => runTrialWrite(ctx, input),
});
