"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFieldArray, useWatch } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import { BEHAVIORS } from "@/db/schema/behavior-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { saveEventRulesAction } from "@/lib/behavior/actions";
import type { BehaviorRule } from "@/lib/behavior/rules";
import { behaviorLabels, saveEventRulesSchema, type EventRuleInput, type SaveEventRulesInput } from "@/lib/behavior/schema";
import { showServerErrors } from "@/lib/forms";
import { EmptyState } from "@/components/empty-state";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";

const toRow = (r: BehaviorRule): EventRuleInput => ({ id: r.id, behavior: r.behavior, match: r.match ?? "", eventName: r.eventName, enabled: r.enabled });
const emptyRow = (): EventRuleInput => ({ behavior: "page_visit", match: "", eventName: "", enabled: true });

export function EventRulesForm({ rules, canEdit }: { rules: BehaviorRule[]; canEdit: boolean }) {
  const router = useRouter();
  const form = useForm<SaveEventRulesInput>({ resolver: zodResolver(saveEventRulesSchema), defaultValues: { rules: rules.map(toRow) } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "rules" });
  const watched = useWatch({ control: form.control, name: "rules" });
  const { errors, isSubmitting, isDirty } = form.formState;
  const save = useMutation({
    mutationFn: (values: SaveEventRulesInput) => saveEventRulesAction(values),
    onSuccess: (result) => {
      if (!result.ok) return showServerErrors(form, result);
      form.reset({ rules: result.data.rules.map(toRow) });
      toast.success(`Data events saved (${result.data.rules.length}).`);
      router.refresh();
    },
    onError: () => form.setError("root.server", { type: "server", message: "Tailor couldn't reach the server. Your changes are still here; try again." }),
  });
  const readOnly = !canEdit;

  return (
    <form onSubmit={form.handleSubmit((values) => save.mutateAsync(values))} noValidate aria-label="Data events" className="space-y-4">
      <UnsavedChangesGuard when={!readOnly && isDirty && !isSubmitting} />
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      {readOnly ? <Alert>You can view these events. Only an owner or admin can change them.</Alert> : null}
      {fields.length === 0 ? (
        <EmptyState title="No data events yet">
          Add one to send a website behaviour to Intercom as an event on the contact.
        </EmptyState>
      ) : (
        <ol className="space-y-3">
          {fields.map((field, index) => {
            const p = `rules-${index}`;
            const behavior = watched?.[index]?.behavior ?? "page_visit";
            const label = behaviorLabels[behavior] ?? behaviorLabels.page_visit;
            const rowErrors = errors.rules?.[index];
            return (
              <li key={field.id} className="rounded-lg border border-zinc-200 bg-white p-4">
                <div className="grid gap-4 md:grid-cols-[1fr_1fr_1fr_auto]">
                  <FormField id={`${p}-behavior`} label="Behaviour" error={rowErrors?.behavior?.message}>
                    <Select disabled={readOnly || isSubmitting} {...fieldAria(`${p}-behavior`, { error: rowErrors?.behavior?.message })} {...form.register(`rules.${index}.behavior`)}>
                      {BEHAVIORS.map((b) => (
                        <option key={b} value={b}>
                          {behaviorLabels[b].title}
                        </option>
                      ))}
                    </Select>
                  </FormField>
                  <FormField id={`${p}-match`} label={label.match ?? "Match"} error={rowErrors?.match?.message}>
                    <Input
                      disabled={readOnly || isSubmitting}
                      placeholder={label.placeholder}
                      {...fieldAria(`${p}-match`, { error: rowErrors?.match?.message })}
                      {...form.register(`rules.${index}.match`)}
                    />
                  </FormField>
                  <FormField id={`${p}-name`} label="Event name in Intercom" hint="Past-tense verb, then noun: viewed-pricing" error={rowErrors?.eventName?.message}>
                    <Input
                      disabled={readOnly || isSubmitting}
                      placeholder="viewed-pricing"
                      {...fieldAria(`${p}-name`, { error: rowErrors?.eventName?.message, hint: true })}
                      {...form.register(`rules.${index}.eventName`)}
                    />
                  </FormField>
                  <div className="flex items-end gap-3 pb-1">
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" className="size-4" disabled={readOnly || isSubmitting} {...form.register(`rules.${index}.enabled`)} />
                      Enabled
                    </label>
                    {canEdit ? (
                      <Button type="button" variant="ghost" size="icon" aria-label={`Remove event rule ${index + 1}`} onClick={() => remove(index)} disabled={isSubmitting}>
                        <Trash2 className="size-4" aria-hidden />
                      </Button>
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 pt-4">
          <Button type="button" variant="secondary" onClick={() => append(emptyRow())} disabled={isSubmitting}>
            <Plus className="size-4" aria-hidden />
            Add event
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save events"}
          </Button>
          {isDirty ? <span className="text-sm text-zinc-600">Unsaved changes</span> : null}
        </div>
      ) : null}
    </form>
  );
}
