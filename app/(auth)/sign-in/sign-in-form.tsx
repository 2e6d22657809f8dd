"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-schema";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: SignInInput) {
    const result = await signInAction(values, next);
    if (result && !result.ok) form.setError("root.server", { message: result.message });
  }

  return (
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id="email" label="Email" error={errors.email?.message}>
        <Input
          type="email"
          autoComplete="email"
          autoFocus
          disabled={isSubmitting}
          {...fieldAria("email", { error: errors.email?.message })}
          {...form.register("email")}
        />
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        <Input
          type="password"
          autoComplete="current-password"
          disabled={isSubmitting}
          {...fieldAria("password", { error: errors.password?.message })}
          {...form.register("password")}
        />
      </FormField>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
