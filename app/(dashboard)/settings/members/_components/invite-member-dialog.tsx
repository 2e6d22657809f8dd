"use client";

import { UserPlus } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { InviteLink } from "./invite-link";

// The form (react-hook-form + zod) loads when the dialog opens.
const InviteMemberForm = lazy(() => import("./invite-member-form").then((m) => ({ default: m.InviteMemberForm })));

export function InviteMemberDialog() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ email: string; link: string } | null>(null);

  function onOpenChange(next: boolean) {
    if (busy) return;
    setOpen(next);
    if (!next) setLink(null); // the link is shown once
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="size-4" aria-hidden />
          Invite member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Invite a member</DialogTitle>
        {link ? (
          <>
            <DialogDescription>Email is not set up on this server, so send {link.email} this link yourself.</DialogDescription>
            <InviteLink link={link.link} />
            <DialogFooter>
              <Button type="button" onClick={() => onOpenChange(false)}>
                Done
              </Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogDescription>They get a link to join. They choose their own password, or sign in with the account they have.</DialogDescription>
            <Suspense fallback={<p className="mt-4 text-sm text-zinc-500">Loading…</p>}>
              <InviteMemberForm onBusyChange={setBusy} onClose={() => setOpen(false)} onLinkOnly={setLink} />
            </Suspense>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
