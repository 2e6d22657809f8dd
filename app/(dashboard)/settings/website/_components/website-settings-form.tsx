"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useForm } from "@/components/ui/use-form";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { updateWebsiteSettingsAction } from "@/lib/runtime/website-actions";
import { websiteSettingsSchema, type WebsiteSettingsInput, type WebsiteSettingsValues } from "@/lib/website/schema";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";

/** Origins are typed one per line; the form value holds the non-blank lines, so error N is the Nth of them. */
function linesOf(text: string): { origins: string[]; lineNumbers: number[] } {
  const origins: string[] = [];
  const lineNumbers: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    origins.push(line.trim());
    lineNumbers.push(i + 1);
  });
  return { origins, lineNumbers };
}

export function WebsiteSettingsForm({ allowedOrigins, hideMs, apiBase }: { allowedOrigins: string[]; hideMs: number; apiBase: string | null }) {
  const router = useRouter();
  const [text, setText] = useState(allowedOrigins.join("\n"));
  const form = useForm<WebsiteSettingsInput, unknown, WebsiteSettingsValues>({
    resolver: zodResolver(websiteSettingsSchema),
    defaultValues: { allowedOrigins, hideMs, apiBase: apiBase ?? "" },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const { lineNumbers } = linesOf(text);

  async function onSubmit(values: WebsiteSettingsValues) {
    const result = await updateWebsiteSettingsAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success("Website settings saved.");
    setText(result.data.allowedOrigins.join("\n"));
    form.reset({ allowedOrigins: result.data.allowedOrigins, hideMs: result.data.hideMs, apiBase: result.data.apiBase ?? "" });
    router.refresh();
  }

  const originErrors = (Array.isArray(errors.allowedOrigins) ? errors.allowedOrigins : [])
    .map((e: { message?: string } | undefined, i: number) => (e?.message ? { line: lineNumbers[i] ?? i + 1, message: e.message } : null))
    .filter((e): e is { line: number; message: string } => e !== null);
  const listError = errors.allowedOrigins?.message ?? errors.allowedOrigins?.root?.message;
  const hasOriginError = originErrors.length > 0 || Boolean(listError);
  const hideError = errors.hideMs?.message;
  const apiBaseError = errors.apiBase?.message;

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="mt-4 space-y-4" aria-label="Website settings">
      <UnsavedChangesGuard when={isDirty && !isSubmitting} />
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <div className="space-y-1.5">
        <Label htmlFor="allowedOrigins">Allowed origins</Label>
        <Textarea
          id="allowedOrigins"
          rows={4}
          spellCheck={false}
          autoComplete="off"
          placeholder={"https://www.example.com\nhttps://shop.example.com"}
          className="font-mono"
          disabled={isSubmitting}
          value={text}
          aria-invalid={hasOriginError || undefined}
          aria-describedby={["allowedOrigins-hint", hasOriginError ? "allowedOrigins-error" : null].filter(Boolean).join(" ")}
          onChange={(e) => {
            setText(e.target.value);
            form.setValue("allowedOrigins", linesOf(e.target.value).origins, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
          }}
        />
        <p id="allowedOrigins-hint" className="text-xs text-zinc-500">
          One per line: scheme, host and port if not the default, no path. With none, no external site can use the snippet.
        </p>
        {hasOriginError ? (
          <ul id="allowedOrigins-error" className="space-y-0.5 text-sm text-red-700">
            {listError ? <li>{listError}</li> : null}
            {originErrors.map((e) => (
              <li key={e.line}>
                Line {e.line}: {e.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <FormField id="hideMs" label="Hide time (ms)" hint="0 to 3000. Placements show their default content if Tailor hasn't answered by then." error={hideError}>
        <div className="w-40">
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={3000}
            step={50}
            className="block"
            disabled={isSubmitting}
            {...fieldAria("hideMs", { error: hideError, hint: true })}
            {...form.register("hideMs")}
          />
        </div>
      </FormField>
      <FormField
        id="apiBase"
        label="API address (optional)"
        hint="Where the snippet sends its requests, if you run separate runtime servers (npm run runtime), e.g. https://runtime.example.com/api/v1. Blank: the Tailor host the snippet is loaded from."
        error={apiBaseError}
      >
        <Input
          type="url"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder="https://runtime.example.com/api/v1"
          className="block w-full font-mono"
          disabled={isSubmitting}
          {...fieldAria("apiBase", { error: apiBaseError, hint: true })}
          {...form.register("apiBase")}
        />
      </FormField>
      <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
        {isSubmitting ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
