import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/guard";
import { roleLabels } from "@/lib/auth/permissions";
import { listPendingInvitations } from "@/lib/members/invitations";
import { listMembers } from "@/lib/members/members";
import { formatDateTime } from "@/lib/format";
import { InviteMemberDialog, PendingInvitations } from "../_components/islands";
import { RoleCapabilities } from "../_components/role-capabilities";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("members:manage");
  const [members, invitations] = await Promise.all([listMembers(ctx.workspaceId), listPendingInvitations(ctx.workspaceId)]);
  return (
    <>
      <PageHeader
        title="Members"
        description={`People who can sign in to ${ctx.workspaceName}, and what their role lets them do.`}
        actions={<InviteMemberDialog />}
      />
      <Table>
        <caption className="sr-only">Workspace members</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead className="hidden sm:table-cell">Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.membershipId}>
              <TableCell className="font-medium">
                {m.name}
                {m.userId === ctx.userId ? <span className="ml-1 text-zinc-500">(you)</span> : null}
                <span className="block text-xs font-normal text-zinc-600 sm:hidden">{m.email}</span>
              </TableCell>
              <TableCell className="hidden text-zinc-700 sm:table-cell">{m.email}</TableCell>
              <TableCell>
                <Badge tone={m.role === "owner" ? "info" : "neutral"}>{roleLabels[m.role]}</Badge>
              </TableCell>
              <TableCell className="text-right">
                <Link
                  href={`/settings/members/${m.membershipId}`}
                  className="text-sm font-medium text-brand-700 hover:underline"
                  aria-label={`Manage ${m.email}`}
                >
                  Manage
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PendingInvitations
        invitations={invitations.map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          invitedBy: i.invitedBy,
          expiresOn: formatDateTime(i.expiresAt, { style: dateStyle }),
          expired: i.expired,
        }))}
      />
      <RoleCapabilities />
    </>
  );
}
