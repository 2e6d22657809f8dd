"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { describeReferenceProblem } from "@/lib/rules/references";
import { draftReferences } from "./references";

/** The publish dialog's list of draft references to tags and attributes Intercom doesn't have. */
export const draftReferencesAction = defineAction({
  name: "draftReferences",
  schema: z.object({}),
  capability: "personalizations:read",
  run: async (_input, ctx) => {
    const { checked, lines } = await draftReferences(ctx.workspaceId);
    return { checked, lines: lines.map((line) => ({ where: line.where, what: describeReferenceProblem(line.problem) })) };
  },
});
