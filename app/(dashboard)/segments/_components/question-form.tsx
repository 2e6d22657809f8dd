"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { snakeCase } from "@/lib/intercom-integration/attribute-name";
import { saveQuestionAction } from "@/lib/segments/actions";
import { saveQuestionSchema, type SaveQuestionInput } from "@/lib/segments/schema";
import type { QuestionView } from "@/lib/segments/segments";

export type GroupOption = { id: string; name: string; segments: { id: string; name: string }[] };

function defaultsFor(groups: GroupOption[], question?: QuestionView): SaveQuestionInput {
  if (question) {
    return { id: question.id, key: question.key, text: question.text, groupId: question.groupId, answers: question.answers.map((a) => ({ id: a.id, label: a.label, segmentId: a.segmentId })) };
  }
  const first = groups[0];
  return { key: "", text: "", groupId: first?.id ?? "", answers: (first?.segments ?? []).map((s) => ({ label: s.name, segmentId: s.id })) };
}

/**
 * The question form inside QuestionDialog, loaded when the dialog opens (react-hook-form + zod stay off
 * the Segments page's first load). Mounted fresh on each open, so it starts from the saved question.
 */
export function QuestionForm({ groups, question, onBusyChange, onClose }: { groups: GroupOption[]; question?: QuestionView; onBusyChange: (busy: boolean) => void; onClose: () => void }) {
  const router = useRouter();
  const form = useForm<SaveQuestionInput, unknown, z.output<typeof saveQuestionSchema>>({ resolver: zodResolver(saveQuestionSchema), defaultValues: defaultsFor(groups, question) });
  const { fields, append, remove, replace } = useFieldArray({ control: form.control, name: "answers" });
  const { errors, isSubmitting } = form.formState;
  const groupId = useWatch({ control: form.control, name: "groupId" });
  const group = groups.find((g) => g.id === groupId);
  const p = question ? `question-${question.id}` : "question-new";
  useEffect(() => onBusyChange(isSubmitting), [isSubmitting, onBusyChange]);

  async function onSubmit(values: z.output<typeof saveQuestionSchema>) {
    const result = await saveQuestionAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success("Question saved.");
    onBusyChange(false);
    onClose();
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate aria-label="Question details">
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <FormField id={`${p}-text`} label="Question" error={errors.text?.message}>
        <Input
          disabled={isSubmitting}
          {...fieldAria(`${p}-text`, { error: errors.text?.message })}
          {...form.register("text", { onChange: (e) => !question && form.setValue("key", snakeCase(e.target.value).slice(0, 40)) })}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${p}-key`} label="Key" hint={question ? "Keys never change once saved." : "Stored with each answer; can't be changed later."} error={errors.key?.message}>
          <Input className="font-mono" readOnly={Boolean(question)} disabled={isSubmitting} {...fieldAria(`${p}-key`, { error: errors.key?.message, hint: true })} {...form.register("key")} />
        </FormField>
        <FormField id={`${p}-group`} label="Assigns segments of" error={errors.groupId?.message}>
          <Select
            disabled={isSubmitting}
            {...fieldAria(`${p}-group`, { error: errors.groupId?.message })}
            {...form.register("groupId", {
              onChange: (e) => {
                const next = groups.find((g) => g.id === e.target.value);
                replace((next?.segments ?? []).map((s) => ({ label: s.name, segmentId: s.id })));
              },
            })}
          >
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Answers</legend>
        {errors.answers?.root?.message || errors.answers?.message ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {errors.answers?.root?.message ?? errors.answers?.message}
          </p>
        ) : null}
        <ol className="mt-2 space-y-2">
          {fields.map((field, i) => {
            const e = errors.answers?.[i];
            return (
              <li key={field.id} className="grid grid-cols-[1fr_12rem_auto] items-start gap-2">
                <FormField id={`${p}-a-${i}-label`} label={<span className="sr-only">Answer {i + 1}</span>} error={e?.label?.message}>
                  <Input placeholder={`Answer ${i + 1}`} disabled={isSubmitting} {...fieldAria(`${p}-a-${i}-label`, { error: e?.label?.message })} {...form.register(`answers.${i}.label`)} />
                </FormField>
                <FormField id={`${p}-a-${i}-segment`} label={<span className="sr-only">Segment for answer {i + 1}</span>} error={e?.segmentId?.message}>
                  <Select disabled={isSubmitting} {...fieldAria(`${p}-a-${i}-segment`, { error: e?.segmentId?.message })} {...form.register(`answers.${i}.segmentId`)}>
                    <option value="">Segment…</option>
                    {(group?.segments ?? []).map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <Button type="button" variant="ghost" size="icon" aria-label={`Remove answer ${i + 1}`} onClick={() => remove(i)}>
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={() => append({ label: "", segmentId: "" })} disabled={isSubmitting}>
          <Plus className="size-4" aria-hidden />
          Add answer
        </Button>
      </fieldset>
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onClose} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save question"}
        </Button>
      </DialogFooter>
    </form>
  );
}
