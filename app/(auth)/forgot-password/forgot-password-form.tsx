"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { forgotPasswordAction } from "@/lib/auth/account-actions";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/auth/account-schema";
import { showServerErrors } from "@/lib/forms";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: ForgotPasswordInput) {
    const result = await forgotPasswordAction(values);
    if (!result.ok) return showServerErrors(form, result);
    setSentTo(result.data.email);
  }

  if (sentTo) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm">
          If {sentTo} has a Tailor account, a link to choose a new password is on its way. It works once, for 30 minutes.
        </p>
        <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <p className="text-sm text-zinc-600">Enter your account&apos;s email and we&apos;ll send you a link to choose a new password.</p>
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus disabled={isSubmitting} {...fieldAria("email", { error: errors.email?.message })} {...form.register("email")} />
      </FormField>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send reset link"}
      </Button>
      <Link href="/sign-in" className="block text-center text-sm text-brand-700 hover:underline">
        Back to sign in
      </Link>
    </form>
  );
}
