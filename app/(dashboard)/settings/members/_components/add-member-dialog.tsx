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
import { addMemberAction } from "@/lib/members/actions";
import { addMemberSchema, type AddMemberInput } from "@/lib/members/schema";

const empty: AddMemberInput = { email: "", name: "", role: "marketer", password: "" };

export function AddMemberDialog() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useForm<AddMemberInput>({ resolver: zodResolver(addMemberSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: AddMemberInput) {
    const result = await addMemberAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success(
      result.data.existingAccount
        ? `${result.data.email} already had an account and now has access. Their password is unchanged.`
        : `${result.data.email} was added. Share the initial password with them securely.`,
    );
    form.reset(empty);
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (isSubmitting ? undefined : setOpen(next))}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="size-4" aria-hidden />
          Add member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Add a member</DialogTitle>
        <DialogDescription>They sign in with this email and the initial password you set.</DialogDescription>
        <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate>
          {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
          <FormField id="member-email" label="Email" error={errors.email?.message}>
            <Input type="email" autoComplete="off" disabled={isSubmitting} {...fieldAria("member-email", { error: errors.email?.message })} {...form.register("email")} />
          </FormField>
          <FormField id="member-name" label="Name" error={errors.name?.message}>
            <Input autoComplete="off" disabled={isSubmitting} {...fieldAria("member-name", { error: errors.name?.message })} {...form.register("name")} />
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
          <FormField id="member-password" label="Initial password" hint="At least 10 characters." error={errors.password?.message}>
            <Input
              type="password"
              autoComplete="new-password"
              disabled={isSubmitting}
              {...fieldAria("member-password", { error: errors.password?.message, hint: true })}
              {...form.register("password")}
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting}>
              {isSubmitting ? "Adding…" : "Add member"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
