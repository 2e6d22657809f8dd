import { and, count, eq, gte } from "drizzle-orm";
import { getDb, tables } from "@/db/client";

/** Midnight UTC of `now`'s day: "today" on the dashboard, as every date there is shown in UTC. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export type VisitorsToday = { identified: number; answers: number };

/** Visitors identified and answers given since midnight UTC: range counts on (workspace, time) indexes. */
export async function visitorsToday(workspaceId: string, now = new Date()): Promise<VisitorsToday> {
  const since = startOfUtcDay(now);
  const db = getDb();
  const v = tables.visitors;
  const a = tables.visitorAnswers;
  const [[identified], [answers]] = await Promise.all([
    db.select({ n: count() }).from(v).where(and(eq(v.workspaceId, workspaceId), gte(v.identifiedAt, since))),
    db.select({ n: count() }).from(a).where(and(eq(a.workspaceId, workspaceId), gte(a.answeredAt, since))),
  ]);
  return { identified: Number(identified?.n ?? 0), answers: Number(answers?.n ?? 0) };
}
