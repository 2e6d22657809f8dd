"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { registerRadio, useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { updateIdentityPolicyAction } from "@/lib/identity/actions";
import { identityPolicySchema, type IdentityPolicyInput } from "@/lib/identity/schema";
import { IDENTITY_POLICIES, IDENTITY_POLICY_LABELS, type IdentityPolicy } from "@/lib/identity/trust";

export function IdentityPolicyForm({ policy }: { policy: IdentityPolicy }) {
  const router = useRouter();
  const form = useForm<IdentityPolicyInput>({ resolver: zodResolver(identityPolicySchema), defaultValues: { policy } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const chosen = useWatch({ control: form.control, name: "policy" });

  async function onSubmit(values: IdentityPolicyInput) {
    const result = await updateIdentityPolicyAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success("Identity verification policy saved.");
    form.reset({ policy: result.data.policy });
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="mt-4 space-y-4" aria-label="Identity verification policy">
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <fieldset className="space-y-2" disabled={isSubmitting} aria-describedby={errors.policy ? "policy-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-zinc-800">Policy</legend>
        {IDENTITY_POLICIES.map((value) => (
          <label key={value} className="flex cursor-pointer gap-3 rounded-md border border-zinc-200 p-3 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50/40">
            <input {...registerRadio(form, "policy", value)} className="mt-1" aria-describedby={`policy-${value}-text`} />
            <span>
              <span className="block text-sm font-medium text-zinc-900">{IDENTITY_POLICY_LABELS[value].title}</span>
              <span id={`policy-${value}-text`} className="block text-sm text-zinc-600">
                {IDENTITY_POLICY_LABELS[value].description}
              </span>
            </span>
          </label>
        ))}
        {errors.policy ? (
          <p id="policy-error" className="text-sm text-red-700">
            {errors.policy.message}
          </p>
        ) : null}
      </fieldset>
      {chosen === "off" ? (
        <Alert tone="error">
          With verification off, anyone who knows a customer&apos;s email can see their personalization and write into their Intercom contact.
        </Alert>
      ) : null}
      <Button type="submit" disabled={isSubmitting || !isDirty}>
        {isSubmitting ? "Saving…" : "Save policy"}
      </Button>
    </form>
  );
}
