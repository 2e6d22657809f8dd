"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { connectIntercom, disconnectIntercom, testIntercomConnection } from "./connection";
import { canWriteBack } from "./health";
import { connectIntercomSchema, emptySchema } from "./schema";

function revalidateIntegrations() {
  revalidatePath("/integrations", "layout");
  revalidatePath("/overview");
}

/** Connect, or replace the token of an existing connection (the old token stays until the new one is verified). */
export const connectIntercomAction = defineAction({
  name: "connectIntercom",
  schema: connectIntercomSchema,
  capability: "integrations:connect",
  run: async (input, ctx) => {
    const view = await connectIntercom(ctx, input);
    revalidateIntegrations();
    return view.status === "not_connected" ? null : { appName: view.appName, region: view.region, readOnly: !(await canWriteBack(ctx.workspaceId)) };
  },
});

export const testIntercomConnectionAction = defineAction({
  name: "testIntercomConnection",
  schema: emptySchema,
  capability: "integrations:connect",
  run: async (_input, ctx) => {
    const result = await testIntercomConnection(ctx);
    revalidateIntegrations();
    return result;
  },
});

export const disconnectIntercomAction = defineAction({
  name: "disconnectIntercom",
  schema: emptySchema,
  capability: "integrations:connect",
  run: async (_input, ctx) => {
    await disconnectIntercom(ctx);
    revalidateIntegrations();
    return null;
  },
});
