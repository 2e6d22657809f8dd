"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Eye, EyeOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { connectIntercomAction } from "@/lib/intercom-integration/actions";
import { connectIntercomSchema, regionLabels, type ConnectIntercomInput } from "@/lib/intercom-integration/schema";
import { INTERCOM_REGIONS, isIntercomRegion, type IntercomRegion } from "@/lib/intercom/regions";

export function ConnectIntercomForm({
  mode,
  defaultRegion = "US",
  onDone,
}: {
  mode: "connect" | "replace";
  defaultRegion?: IntercomRegion;
  onDone?: () => void;
}) {
  const router = useRouter();
  const [showToken, setShowToken] = useState(false);
  const [suggestedRegion, setSuggestedRegion] = useState<IntercomRegion | null>(null);
  const [switching, setSwitching] = useState<{ from: string; to: string; effects: string[]; values: ConnectIntercomInput } | null>(null);
  const form = useForm<ConnectIntercomInput>({
    resolver: zodResolver(connectIntercomSchema),
    defaultValues: { token: "", region: defaultRegion },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: ConnectIntercomInput) {
    setSuggestedRegion(null);
    const result = await connectIntercomAction(values);
    if (!result.ok) {
      if (result.details?.workspaceSwitch === "true") {
        // Another Intercom workspace: a separate, explicit confirmation listing what changes.
        setSwitching({ from: result.details.from ?? "", to: result.details.to ?? "", effects: (result.details.effects ?? "").split("\n").filter(Boolean), values });
        return;
      }
      const suggestion = result.details?.suggestedRegion;
      if (isIntercomRegion(suggestion)) setSuggestedRegion(suggestion);
      return showServerErrors(form, result);
    }
    const where = `${result.data?.appName} · ${result.data?.region}`;
    if (result.data?.readOnly) toast.error(`Connected to ${where} · read-only: write-back is off.`);
    else if (values.confirmWorkspaceSwitch) toast.success(`Switched to ${where}.`);
    else toast.success(mode === "replace" ? `Token replaced. Connected to ${where}.` : `Connected to ${where}.`);
    form.reset({ token: "", region: values.region });
    setSwitching(null);
    onDone?.();
    router.refresh();
  }

  async function confirmSwitch() {
    if (!switching) return;
    await onSubmit({ ...switching.values, confirmWorkspaceSwitch: true });
  }

  function switchRegionAndConnect(region: IntercomRegion) {
    form.setValue("region", region, { shouldDirty: true });
    form.clearErrors();
    void form.handleSubmit(onSubmit)();
  }

  const tokenError = errors.token?.message;
  const regionError = errors.region?.message;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate aria-label={mode === "replace" ? "Replace token" : "Connect Intercom"}>
      {errors.root?.server && !suggestedRegion ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField
        id={`${mode}-token`}
        label="Access token"
        hint="In Intercom: Settings → Integrations → Developer Hub → your app → Configure → Authentication."
        error={tokenError}
      >
        <div className="flex gap-2">
          <Input
            type={showToken ? "text" : "password"}
            autoComplete="off"
            spellCheck={false}
            disabled={isSubmitting}
            className="font-mono"
            {...fieldAria(`${mode}-token`, { error: tokenError, hint: true })}
            {...form.register("token")}
          />
          <Button
            type="button"
            variant="secondary"
            size="icon"
            onClick={() => setShowToken((v) => !v)}
            aria-label={showToken ? "Hide token" : "Show token"}
            aria-pressed={showToken}
          >
            {showToken ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
          </Button>
        </div>
      </FormField>
      <FormField
        id={`${mode}-region`}
        label="Region"
        hint="Where your Intercom workspace is hosted. It must match, or Intercom won't answer."
        error={regionError}
      >
        <Select disabled={isSubmitting} {...fieldAria(`${mode}-region`, { error: regionError, hint: true })} {...form.register("region")}>
          {INTERCOM_REGIONS.map((r) => (
            <option key={r} value={r}>
              {regionLabels[r]}
            </option>
          ))}
        </Select>
      </FormField>
      {suggestedRegion ? (
        <Button type="button" variant="secondary" onClick={() => switchRegionAndConnect(suggestedRegion)} pending={isSubmitting}>
          Switch to {suggestedRegion} and connect
        </Button>
      ) : null}
      <div>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? "Checking with Intercom…" : mode === "replace" ? "Verify and replace" : "Connect"}
        </Button>
      </div>
      <Dialog open={switching !== null} onOpenChange={(open) => (!open && !isSubmitting ? setSwitching(null) : undefined)}>
        <DialogContent role="alertdialog">
          <DialogTitle>Switch to another Intercom workspace?</DialogTitle>
          <DialogDescription>
            This token belongs to {switching?.to}, not {switching?.from}. Switching changes what Tailor reads and writes:
          </DialogDescription>
          <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm text-zinc-800" aria-label="What changes">
            {switching?.effects.map((line, i) => <li key={i}>{line}</li>)}
          </ul>
          <DialogFooter>
            <Button type="button" variant="secondary" disabled={isSubmitting} onClick={() => setSwitching(null)}>
              Keep {switching?.from}
            </Button>
            <Button type="button" variant="danger" pending={isSubmitting} onClick={() => void form.handleSubmit(() => confirmSwitch())()}>
              Switch to {switching?.to}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </form>
  );
}
