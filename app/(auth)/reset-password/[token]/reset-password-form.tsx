"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resetPasswordAction } from "@/lib/auth/account-actions";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/auth/account-schema";
import { showServerErrors } from "@/lib/forms";

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: ResetPasswordInput) {
    const result = await resetPasswordAction(values);
    if (result && !result.ok) showServerErrors(form, result);
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <p className="text-sm text-zinc-600">Saving signs you out on every device.</p>
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id="password" label="New password" hint="At least 10 characters." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" autoFocus disabled={isSubmitting} {...fieldAria("password", { error: errors.password?.message, hint: true })} {...form.register("password")} />
      </FormField>
      <FormField id="confirm" label="Repeat the new password" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" disabled={isSubmitting} {...fieldAria("confirm", { error: errors.confirm?.message })} {...form.register("confirm")} />
      </FormField>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
