"use client";

import { useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { MergeTagFlags, useMergeTagReferenceProblems } from "@/components/rules/merge-tag-flags";
import { MergeTagTextarea } from "@/components/rules/merge-tag-textarea";
import type { QuestionOption } from "@/lib/flows/builder-outline";
import type { FlowInput, FlowStep } from "@/lib/flows/schema";
import { extractMergeTags } from "@/lib/rules/merge-tags";

type StepErrors = Partial<Record<"questionKey" | "title" | "body" | "buttonLabel" | "url", { message?: string }>>;

/** The fields a step shows to visitors, by type. */
export function StepContentFields({ index, step, questions }: { index: number; step: FlowStep; questions: QuestionOption[] }) {
  const { register, formState } = useFormContext<FlowInput>();
  const errors = (formState.errors.steps?.[index] ?? {}) as StepErrors;
  const base = `step-${step.id}`;
  const text = (name: "title" | "buttonLabel" | "url", label: string, opts: { hint?: string; placeholder?: string } = {}) => {
    const id = `${base}-field-${name}`;
    const error = errors[name]?.message;
    return (
      <FormField id={id} label={label} hint={opts.hint} error={error}>
        <Input autoComplete="off" placeholder={opts.placeholder} {...fieldAria(id, { error, hint: Boolean(opts.hint) })} {...register(`steps.${index}.${name}`)} />
      </FormField>
    );
  };

  switch (step.type) {
    case "question":
      return <QuestionField index={index} id={`${base}-question`} questions={questions} error={errors.questionKey?.message} />;
    case "message":
      return (
        <div className="space-y-4">
          {text("title", "Title")}
          <BodyField index={index} id={`${base}-body`} error={errors.body?.message} />
          {text("buttonLabel", "Button label")}
        </div>
      );
    case "cta":
      return (
        <div className="space-y-4">
          {text("title", "Title")}
          <BodyField index={index} id={`${base}-body`} error={errors.body?.message} />
          <div className="grid gap-4 sm:grid-cols-2">
            {text("buttonLabel", "Button label")}
            {text("url", "Link", { hint: "A full https:// link or a path on your site, like /pricing.", placeholder: "/pricing" })}
          </div>
        </div>
      );
    case "end":
      return (
        <div className="space-y-4">
          {text("title", "Closing title", { hint: "Leave title and message empty to close the widget at once." })}
          <BodyField index={index} id={`${base}-body`} error={errors.body?.message} />
        </div>
      );
  }
}

function QuestionField({ index, id, questions, error }: { index: number; id: string; questions: QuestionOption[]; error?: string }) {
  const { control, register } = useFormContext<FlowInput>();
  const key = useWatch({ control, name: `steps.${index}.questionKey` as `steps.${number}.questionKey` }) as string | undefined;
  const chosen = questions.find((q) => q.key === key);
  const groups = [...new Set(questions.map((q) => q.groupName))];
  const hint = "Questions and their answers are defined on the Segments page; an answer puts the visitor in a segment. Visitors whose answer is already known skip this step.";
  return (
    <div className="space-y-2">
      <FormField id={id} label="Question" hint={hint} error={error}>
        <Select {...fieldAria(id, { error, hint: true })} {...register(`steps.${index}.questionKey` as `steps.${number}.questionKey`)}>
          <option value="">Choose a question…</option>
          {key && !chosen ? <option value={key}>{key} (no longer a question)</option> : null}
          {groups.map((group) => (
            <optgroup key={group} label={group || "No group"}>
              {questions
                .filter((q) => q.groupName === group)
                .map((q) => (
                  <option key={q.key} value={q.key}>
                    {q.text}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </FormField>
      {chosen ? (
        <div className="rounded-md bg-zinc-50 px-3 py-2 text-sm ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-600">
            Answers (segment group <span className="font-medium text-zinc-800">{chosen.groupName}</span>):
          </p>
          <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`Answers to “${chosen.text}”`}>
            {chosen.answers.map((a) => (
              <li key={a.label} className="rounded-full bg-white px-2 py-0.5 text-xs ring-1 ring-zinc-200">
                {a.label}
                {a.segmentName && a.segmentName !== a.label ? <span className="text-zinc-500"> → {a.segmentName}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {questions.length === 0 ? <p className="text-sm text-zinc-600">This workspace has no questions yet. Add one on the Segments page.</p> : null}
    </div>
  );
}

function BodyField({ index, id, error }: { index: number; id: string; error?: string }) {
  const { control, register, setValue } = useFormContext<FlowInput>();
  const name = `steps.${index}.body` as `steps.${number}.body`;
  const value = (useWatch({ control, name }) as string | undefined) ?? "";
  const problems = useMemo(() => extractMergeTags(value).problems, [value]);
  const unknown = useMergeTagReferenceProblems(value);
  const problemsId = `${id}-merge-tags`;
  const flagsId = `${id}-merge-tag-flags`;
  const aria = fieldAria(id, { error, hint: true });
  const { ref, ...field } = register(name);
  return (
    <FormField id={id} label="Message" hint='Plain text. Merge tags fill in contact data, e.g. Hi {{intercom.name | fallback: "there"}}!' error={error}>
      <MergeTagTextarea
        rows={3}
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
              {p.message} <code className="rounded bg-white/70 px-1 font-mono text-xs">{p.source}</code> (shown as written until fixed)
            </li>
          ))}
        </ul>
      ) : null}
      <MergeTagFlags id={flagsId} problems={unknown} />
    </FormField>
  );
}
