import { and, desc, eq } from "drizzle-orm";
import { getDb, tables, type DbOrTx } from "@/db/client";

export type AuditEntry = {
  workspaceId: string;
  actorUserId: string | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
};

/** Appends to the workspace's audit log. Never pass secrets in `details`. */
export async function recordAudit(entry: AuditEntry, tx: DbOrTx = getDb()): Promise<void> {
  await tx.insert(tables.auditLog).values({
    workspaceId: entry.workspaceId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    target: entry.target ?? null,
    details: entry.details ?? null,
  });
}

export type AuditView = {
  id: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  actorEmail: string | null;
  createdAt: Date;
};

export async function listAudit(workspaceId: string, opts: { limit?: number; action?: string } = {}): Promise<AuditView[]> {
  const { auditLog, users } = tables;
  const where = opts.action
    ? and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, opts.action))
    : eq(auditLog.workspaceId, workspaceId);
  return getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      target: auditLog.target,
      details: auditLog.details,
      actorEmail: users.email,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.createdAt))
    .limit(opts.limit ?? 50);
}
