"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { roleLabels, type Role } from "@/lib/auth/permissions";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/members/actions";
import { InviteLink } from "./invite-link";

export type PendingInvitation = { id: string; email: string; role: Role; invitedBy: string | null; expiresOn: string; expired: boolean };

export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [link, setLink] = useState<{ email: string; link: string } | null>(null);

  function resend(inv: PendingInvitation) {
    startTransition(async () => {
      const result = await resendInvitationAction({ invitationId: inv.id });
      if (!result.ok) return void toast.error(result.message);
      router.refresh();
      if (result.data.emailed) toast.success(`Invitation sent to ${inv.email} again.`);
      else setLink({ email: inv.email, link: result.data.link });
    });
  }

  function revoke(inv: PendingInvitation) {
    startTransition(async () => {
      const result = await revokeInvitationAction({ invitationId: inv.id });
      if (!result.ok) return void toast.error(result.message);
      router.refresh();
      toast.success(`The invitation to ${inv.email} was revoked.`);
    });
  }

  return (
    <section aria-labelledby="pending-invitations" className="mt-8">
      <h2 id="pending-invitations" className="mb-2 text-base font-semibold">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="text-sm text-zinc-600">No pending invitations. Invite someone and they appear here until they accept.</p>
      ) : (
        <Table>
          <caption className="sr-only">Pending invitations</caption>
          <TableHeader>
            <TableRow>
              <TableHead>Email</TableHead>
              <TableHead>Role</TableHead>
              <TableHead className="hidden sm:table-cell">Expires</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {invitations.map((inv) => (
              <TableRow key={inv.id}>
                <TableCell className="font-medium">{inv.email}</TableCell>
                <TableCell>
                  <Badge tone="neutral">{roleLabels[inv.role]}</Badge>
                </TableCell>
                <TableCell className="hidden text-zinc-700 sm:table-cell">{inv.expired ? <Badge tone="warning">Expired</Badge> : inv.expiresOn}</TableCell>
                <TableCell className="space-x-2 text-right whitespace-nowrap">
                  <Button size="sm" variant="secondary" disabled={pending} onClick={() => resend(inv)} aria-label={`Resend the invitation to ${inv.email}`}>
                    Resend
                  </Button>
                  <Button size="sm" variant="danger" disabled={pending} onClick={() => revoke(inv)} aria-label={`Revoke the invitation to ${inv.email}`}>
                    Revoke
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={link !== null} onOpenChange={(open) => (open ? undefined : setLink(null))}>
        <DialogContent>
          <DialogTitle>New invitation link</DialogTitle>
          <DialogDescription>Email is not set up on this server, so send {link?.email} this link yourself. The old link no longer works.</DialogDescription>
          {link ? <InviteLink link={link.link} /> : null}
          <DialogFooter>
            <Button type="button" onClick={() => setLink(null)}>
              Done
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </section>
  );
}
