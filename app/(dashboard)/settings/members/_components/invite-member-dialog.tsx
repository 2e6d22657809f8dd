"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { roleLabels, roles } from "@/lib/auth/permissions";
import { showServerErrors } from "@/lib/forms";
import { inviteMemberAction } from "@/lib/members/actions";
import { inviteMemberSchema, type InviteMemberInput } from "@/lib/members/schema";
import { InviteLink } from "./invite-link";

const empty: InviteMemberInput = { email: "", role: "marketer" };

export function InviteMemberDialog() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<{ email: string; link: string } | null>(null);
  const router = useRouter();
  const form = useForm<InviteMemberInput>({ resolver: zodResolver(inviteMemberSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: InviteMemberInput) {
    const result = await inviteMemberAction(values);
    if (!result.ok) return showServerErrors(form, result);
    form.reset(empty);
    router.refresh();
    if (result.data.emailed) {
      toast.success(`Invitation sent to ${result.data.email}.`);
      setOpen(false);
    } else {
      setLink({ email: result.data.email, link: result.data.link });
    }
  }

  function onOpenChange(next: boolean) {
    if (isSubmitting) return;
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
            <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate>
              {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
              <FormField id="member-email" label="Email" error={errors.email?.message}>
                <Input type="email" autoComplete="off" disabled={isSubmitting} {...fieldAria("member-email", { error: errors.email?.message })} {...form.register("email")} />
              </FormField>
              <FormField id="member-role" label="Role" error={errors.role?.message}>
                <Select disabled={isSubmitting} {...fieldAria("member-role", { error: errors.role?.message })} {...form.register("role")}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {roleLabels[r]}
                    </option>
                  ))}
                </Select>
              </FormField>
              <DialogFooter>
                <Button type="button" variant="secondary" onClick={() => onOpenChange(false)} disabled={isSubmitting}>
                  Cancel
                </Button>
                <Button type="submit" pending={isSubmitting}>
                  {isSubmitting ? "Inviting…" : "Send invitation"}
                </Button>
              </DialogFooter>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
