"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { showServerErrors } from "@/lib/forms";
import { acceptAsSignedInAction, acceptWithNewAccountAction, acceptWithPasswordAction } from "@/lib/members/accept-actions";
import {
  acceptWithAccountSchema,
  acceptWithPasswordSchema,
  type AcceptWithAccountInput,
  type AcceptWithPasswordInput,
} from "@/lib/members/schema";

export function AcceptWithNewAccount({ token, email }: { token: string; email: string }) {
  const form = useForm<AcceptWithAccountInput>({ resolver: zodResolver(acceptWithAccountSchema), defaultValues: { token, name: "", password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;
  async function onSubmit(values: AcceptWithAccountInput) {
    const result = await acceptWithNewAccountAction(values);
    if (result && !result.ok) showServerErrors(form, result);
  }
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <p className="text-sm text-zinc-600">Create your account for {email}: choose your name and a password only you know.</p>
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id="name" label="Your name" error={errors.name?.message}>
        <Input autoComplete="name" autoFocus disabled={isSubmitting} {...fieldAria("name", { error: errors.name?.message })} {...form.register("name")} />
      </FormField>
      <FormField id="password" label="Choose a password" hint="At least 10 characters." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" disabled={isSubmitting} {...fieldAria("password", { error: errors.password?.message, hint: true })} {...form.register("password")} />
      </FormField>
      <FormField id="confirm" label="Repeat the password" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" disabled={isSubmitting} {...fieldAria("confirm", { error: errors.confirm?.message })} {...form.register("confirm")} />
      </FormField>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}

export function AcceptWithPassword({ token, email }: { token: string; email: string }) {
  const form = useForm<AcceptWithPasswordInput>({ resolver: zodResolver(acceptWithPasswordSchema), defaultValues: { token, password: "" } });
  const { errors, isSubmitting } = form.formState;
  async function onSubmit(values: AcceptWithPasswordInput) {
    const result = await acceptWithPasswordAction(values);
    if (result && !result.ok) showServerErrors(form, result);
  }
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <p className="text-sm text-zinc-600">{email} already has a Tailor account. Enter its password to join.</p>
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id="password" label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" autoFocus disabled={isSubmitting} {...fieldAria("password", { error: errors.password?.message })} {...form.register("password")} />
      </FormField>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Joining…" : "Sign in and join"}
      </Button>
      <Link href="/forgot-password" className="block text-center text-sm text-brand-700 hover:underline">
        Forgot password?
      </Link>
    </form>
  );
}

export function AcceptAsSignedIn({ token, workspaceName }: { token: string; workspaceName: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        className="w-full"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptAsSignedInAction({ token });
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {pending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}
