import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getMember } from "@/lib/members/members";
import { ChangeRoleForm, RemoveMemberButton } from "../_components/islands";

export const metadata: Metadata = { title: "Manage member" };

export default async function MemberPage({ params }: { params: Promise<{ memberId: string }> }) {
  const ctx = await requireCapability("members:manage");
  const { memberId } = await params;
  // Scoped to the signed-in workspace: another workspace's member id is simply not found.
  const member = await getMember(ctx.workspaceId, memberId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <BackLink href="/settings/members">All members</BackLink>
      <PageHeader title={member.name} description={member.email} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardTitle>Role</CardTitle>
          <CardDescription>What this person can see and change in {ctx.workspaceName}.</CardDescription>
          <ChangeRoleForm membershipId={member.membershipId} role={member.role} />
        </Card>
        <Card>
          <CardTitle>Remove from workspace</CardTitle>
          <CardDescription>They lose access at once. Their account stays for other workspaces.</CardDescription>
          <RemoveMemberButton membershipId={member.membershipId} email={member.email} isSelf={member.userId === ctx.userId} />
        </Card>
      </div>
    </>
  );
}
