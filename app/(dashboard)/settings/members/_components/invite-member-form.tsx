"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { roleLabels, roles } from "@/lib/auth/permissions";
import { showServerErrors } from "@/lib/forms";
import { inviteMemberAction } from "@/lib/members/actions";
import { inviteMemberSchema, type InviteMemberInput } from "@/lib/members/schema";

const empty: InviteMemberInput = { email: "", role: "marketer" };

/**
 * The invitation form inside InviteMemberDialog, loaded when the dialog opens (react-hook-form + zod stay
 * off the Members page's first load). `onLinkOnly` gets the link when email is not set up on the server.
 */
export function InviteMemberForm({
  onBusyChange,
  onClose,
  onLinkOnly,
}: {
  onBusyChange: (busy: boolean) => void;
  onClose: () => void;
  onLinkOnly: (invite: { email: string; link: string }) => void;
}) {
  const router = useRouter();
  const form = useForm<InviteMemberInput>({ resolver: zodResolver(inviteMemberSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => onBusyChange(isSubmitting), [isSubmitting, onBusyChange]);

  async function onSubmit(values: InviteMemberInput) {
    const result = await inviteMemberAction(values);
    if (!result.ok) return showServerErrors(form, result);
    form.reset(empty);
    router.refresh();
    onBusyChange(false);
    if (result.data.emailed) {
      toast.success(`Invitation sent to ${result.data.email}.`);
      onClose();
    } else {
      onLinkOnly({ email: result.data.email, link: result.data.link });
    }
  }

  return (
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
        <Button type="button" variant="secondary" onClick={onClose} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? "Inviting…" : "Send invitation"}
        </Button>
      </DialogFooter>
    </form>
  );
}
