"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { roleLabels, roles, type Role } from "@/lib/auth/permissions";
import { showServerErrors } from "@/lib/forms";
import { changeRoleAction } from "@/lib/members/actions";
import { changeRoleSchema, type ChangeRoleInput } from "@/lib/members/schema";

export function ChangeRoleForm({ membershipId, role }: { membershipId: string; role: Role }) {
  const router = useRouter();
  const form = useForm<ChangeRoleInput>({ resolver: zodResolver(changeRoleSchema), defaultValues: { membershipId, role } });
  const { errors, isSubmitting, isDirty } = form.formState;

  async function onSubmit(values: ChangeRoleInput) {
    const result = await changeRoleAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success(`${result.data.email} is now ${roleLabels[result.data.role].toLowerCase()}.`);
    form.reset(values);
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-3" noValidate>
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id="role" label="Role" error={errors.role?.message}>
        <Select disabled={isSubmitting} {...fieldAria("role", { error: errors.role?.message })} {...form.register("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </Select>
      </FormField>
      <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
        Save role
      </Button>
    </form>
  );
}
