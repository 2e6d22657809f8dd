"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { getSyncLog, retrySyncJob, syncLogFilterSchema } from "./log";

/** The sync log with the page's filters (the client island refreshes through this). */
export const loadSyncLogAction = defineAction({
  name: "loadSyncLog",
  schema: syncLogFilterSchema,
  capability: "sync:read",
  run: (input, ctx) => getSyncLog(ctx.workspaceId, input),
});

export const retrySyncJobAction = defineAction({
  name: "retrySyncJob",
  schema: z.object({ jobId: z.string().min(1).max(100) }),
  capability: "sync:retry",
  run: async ({ jobId }, ctx) => {
    await retrySyncJob(ctx, jobId);
    revalidatePath("/integrations/intercom/sync-log");
    return { jobId };
  },
});
