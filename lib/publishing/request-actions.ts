"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { declinePublishRequestSchema, publishRequestIdSchema, submitPublishRequestSchema } from "./request-schema";
import { approvePublishRequest, declinePublishRequest, submitPublishRequest, withdrawPublishRequest } from "./requests";

// Every action checks the capability on the server; approve/decline need "publish", and
// approvePublishRequest refuses the requester's own request, whatever their role.

export const submitPublishRequestAction = defineAction({
  name: "submitPublishRequest",
  schema: submitPublishRequestSchema,
  capability: "publish:request",
  run: async (input, ctx) => {
    const result = await submitPublishRequest(ctx, input);
    revalidatePath("/", "layout");
    return result;
  },
});

export const withdrawPublishRequestAction = defineAction({
  name: "withdrawPublishRequest",
  schema: publishRequestIdSchema,
  capability: "publish:request",
  run: async (input, ctx) => {
    await withdrawPublishRequest(ctx, input.id);
    revalidatePath("/", "layout");
  },
});

export const approvePublishRequestAction = defineAction({
  name: "approvePublishRequest",
  schema: publishRequestIdSchema,
  capability: "publish",
  run: async (input, ctx) => {
    const result = await approvePublishRequest(ctx, input.id);
    revalidatePath("/", "layout");
    return result;
  },
});

export const declinePublishRequestAction = defineAction({
  name: "declinePublishRequest",
  schema: declinePublishRequestSchema,
  capability: "publish",
  run: async (input, ctx) => {
    await declinePublishRequest(ctx, input.id, input);
    revalidatePath("/", "layout");
  },
});
