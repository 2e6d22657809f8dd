"use client";

import { useMutation } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { previewPersonalizationAction } from "@/lib/runtime/preview-actions";
import type { PreviewResult } from "@/lib/runtime/preview";
import { VariantTrace } from "@/components/rules/variant-trace";
import { previewDocument } from "@/lib/personalizations/preview-result";
import type { PersonalizationInput } from "@/lib/personalizations/schema";

/** "Preview as a contact": evaluates what is in the editor now, saved or not, for one Intercom contact. */
export function PreviewPanel() {
  const form = useFormContext<PersonalizationInput>();
  const [contact, setContact] = useState("");

  const preview = useMutation({
    mutationFn: async (who: string): Promise<PreviewResult> => {
      if (!(await form.trigger())) throw new Error("Fix the highlighted fields first: the preview uses what is in the editor.");
      const result = await previewPersonalizationAction({ contact: who, personalization: form.getValues() });
      if (!result.ok) throw new Error(result.fieldErrors?.contact ?? result.message);
      return result.data;
    },
  });

  return (
    <Card aria-labelledby="preview-title" className="mt-6">
      <CardTitle id="preview-title">Preview as a contact</CardTitle>
      <CardDescription>
        See which variant an Intercom contact gets and how the content renders, using the editor&apos;s current (unsaved) content. Tailor
        segment answers aren&apos;t known in a preview.
      </CardDescription>
      <form
        className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
        aria-label="Preview as a contact"
        onSubmit={(e) => {
          e.preventDefault();
          preview.mutate(contact);
        }}
      >
        <div className="min-w-0 flex-1">
          <FormField id="preview-contact" label="Email or Intercom contact id">
            <Input
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              placeholder="ada@example.com"
              autoComplete="off"
              spellCheck={false}
              {...fieldAria("preview-contact", { error: preview.error?.message })}
            />
          </FormField>
        </div>
        <Button type="submit" variant="secondary" pending={preview.isPending} disabled={contact.trim() === ""}>
          <Eye className="size-4" aria-hidden />
          {preview.isPending ? "Previewing…" : "Preview"}
        </Button>
      </form>
      <div aria-live="polite" className="mt-4 space-y-4">
        {preview.error ? (
          <Alert tone="error" id="preview-contact-error">
            {preview.error.message}
          </Alert>
        ) : null}
        {preview.data && !preview.isPending ? <PreviewOutcomeView result={preview.data} /> : null}
      </div>
    </Card>
  );
}

function PreviewOutcomeView({ result }: { result: PreviewResult }) {
  const who = [result.contact.name, result.contact.email].filter(Boolean).join(" · ") || result.contact.id;
  return (
    <section aria-label="Preview result" className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{who}</span>
        <Badge tone={result.winner ? "success" : "neutral"}>
          {result.winner ? `Sees variant “${result.winner.name}”` : "Sees the default content"}
        </Badge>
        <span className="text-xs text-zinc-500">Contact {result.contact.id}: {result.contact.linkReason}</span>
      </div>
      {result.holdout ? <p className="text-sm text-zinc-700">{result.holdout}</p> : null}

      <div>
        <h3 className="mb-1.5 text-sm font-medium">Rendered content</h3>
        {/* Contact values are escaped, but the content is the marketer's HTML: render it in a frame with no scripts or network. */}
        <iframe
          sandbox=""
          srcDoc={previewDocument(result.html)}
          title={`Rendered content for ${who}`}
          className="block h-32 w-full resize-y rounded-md border border-zinc-200 bg-white"
        />
      </div>

      {result.tags.length > 0 ? (
        <div>
          <h3 className="mb-1.5 text-sm font-medium">Merge tags</h3>
          <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 text-sm">
            {result.tags.map((tag, i) => (
              <li key={`${tag.expression}-${i}`} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-center sm:gap-3">
                <code className="break-all font-mono text-xs text-zinc-700">{tag.expression}</code>
                <span className="min-w-0 break-all">→ {tag.value === "" ? <em className="text-zinc-500">empty</em> : tag.value}</span>
                {tag.usedFallback ? <Badge tone="warning" className="self-start sm:ml-auto">fallback used</Badge> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.problems.length > 0 ? (
        <Alert>Some merge tags could not be read and are shown as written: {result.problems.map((p) => p.source).join(", ")}</Alert>
      ) : null}

      {result.variants.length > 0 ? (
        <div>
          <h3 className="mb-1.5 text-sm font-medium">Why (first matching variant wins)</h3>
          <ol className="space-y-2">
            {result.variants.map((v, i) => (
              <VariantTrace key={v.id} variant={v} position={i + 1} />
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
