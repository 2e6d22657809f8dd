"use client";

import { useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { MergeTagFlags, useMergeTagReferenceProblems } from "@/components/rules/merge-tag-flags";
import { MergeTagTextarea } from "@/components/rules/merge-tag-textarea";
import { FormField, fieldAria } from "@/components/ui/form-field";
import type { PersonalizationInput } from "@/lib/personalizations/schema";
import { extractMergeTags } from "@/lib/rules/merge-tags";

type ContentPath = "defaultHtml" | `variants.${number}.html`;

/** An HTML content textarea that checks its merge tags as you type. */
export function ContentField({ id, name, label, hint, error }: { id: string; name: ContentPath; label: string; hint: string; error?: string }) {
  const { control, register, setValue } = useFormContext<PersonalizationInput>();
  const value = useWatch({ control, name }) ?? "";
  const problems = useMemo(() => extractMergeTags(value).problems, [value]);
  const problemsId = `${id}-merge-tags`;
  const flagsId = `${id}-merge-tag-flags`;
  const unknown = useMergeTagReferenceProblems(value);
  const aria = fieldAria(id, { error, hint: true });
  const { ref, ...field } = register(name);
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <MergeTagTextarea
        rows={4}
        spellCheck={false}
        className="font-mono text-[13px]"
        {...aria}
        aria-describedby={[aria["aria-describedby"], problems.length > 0 ? problemsId : null, unknown.length > 0 ? flagsId : null].filter(Boolean).join(" ") || undefined}
        {...field}
        textareaRef={ref}
        onValueChange={(text) => setValue(name, text, { shouldDirty: true })}
      />
      {problems.length > 0 ? (
        <ul id={problemsId} className="space-y-0.5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" aria-live="polite">
          {problems.map((p) => (
            <li key={`${p.start}-${p.message}`}>
              <span className="font-medium">
                Line {p.line}, column {p.column}:
              </span>{" "}
              {p.message} <code className="rounded bg-white/70 px-1 font-mono text-xs">{p.source}</code>{" "}
              <span className="text-amber-800">(shown as written until fixed)</span>
            </li>
          ))}
        </ul>
      ) : null}
      <MergeTagFlags id={flagsId} problems={unknown} />
    </FormField>
  );
}
