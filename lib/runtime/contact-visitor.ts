import { and, desc, eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";

/** The anonymous id of the contact's most recently seen website visitor, if any (holdout status is per browser). */
export async function latestVisitorOf(workspaceId: string, intercomContactId: string): Promise<string | null> {
  const v = tables.visitors;
  const [row] = await getDb()
    .select({ anonymousId: v.anonymousId })
    .from(v)
    .where(and(eq(v.workspaceId, workspaceId), eq(v.intercomContactId, intercomContactId)))
    .orderBy(desc(v.lastSeenAt))
    .limit(1);
  return row?.anonymousId ?? null;
}
