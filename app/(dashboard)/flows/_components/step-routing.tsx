"use client";

import { Plus, Trash2 } from "lucide-react";
import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { RuleBuilder, type RuleAttributeOption, type RuleSegmentGroupOption } from "@/components/rules/rule-builder";
import { Button } from "@/components/ui/button";
import { MAX_BRANCHES, type FlowInput, type FlowStep, type RoutedStep } from "@/lib/flows/schema";
import { emptyRule } from "@/lib/rules/schema";
import type { KnownQuestions } from "@/lib/flows/validate";
import { NextStepSelect } from "./next-step-select";

type BranchErrors = { branches?: { rule?: unknown; next?: { message?: string } }[]; defaultNext?: { message?: string } };

/** "Next step": branches (first matching rule wins) and where everyone else goes. */
export function StepRouting({
  index,
  step,
  steps,
  canEdit,
  questions,
  attributes,
  segmentGroups,
}: {
  index: number;
  step: RoutedStep;
  steps: FlowStep[];
  canEdit: boolean;
  questions: KnownQuestions;
  attributes: RuleAttributeOption[];
  segmentGroups: RuleSegmentGroupOption[];
}) {
  const { control, formState } = useFormContext<FlowInput>();
  const name = `steps.${index}.branches` as `steps.${number}.branches`;
  const { fields, append, remove } = useFieldArray({ control, name });
  const errors = (formState.errors.steps?.[index] ?? {}) as BranchErrors;
  const title = `Step ${index + 1}`;
  const base = `step-${step.id}`;

  return (
    <fieldset className="min-w-0 space-y-3 border-t border-zinc-100 pt-3">
      <legend className="float-left mb-1 text-sm font-semibold text-zinc-900">Next step</legend>
      <p className="clear-left text-xs text-zinc-500">
        {fields.length > 0 ? "Branches are checked top to bottom; the first whose rule matches the visitor decides." : "Everyone goes to the same step unless you add a branch."}
      </p>
      {fields.length > 0 ? (
        <ol className="space-y-3">
          {fields.map((field, b) => (
            <li key={field.id}>
              <fieldset className="min-w-0 space-y-2 rounded-md border border-zinc-200 p-3">
                <legend className="sr-only">Branch {b + 1}</legend>
                <div className="flex items-center gap-2">
                  <p className="flex-1 text-sm font-medium" aria-hidden>
                    Branch {b + 1}
                  </p>
                  {canEdit ? (
                    <Button type="button" variant="dangerGhost" size="sm" onClick={() => remove(b)} className="ml-auto">
                      <Trash2 className="size-4" aria-hidden />
                      Remove<span className="sr-only"> branch {b + 1} of {title}</span>
                    </Button>
                  ) : null}
                </div>
                <Controller
                  control={control}
                  name={`${name}.${b}.rule`}
                  render={({ field: rule }) => (
                    <RuleBuilder
                      value={rule.value}
                      onChange={rule.onChange}
                      label={`Rule of branch ${b + 1} of ${title}`}
                      idPrefix={`${base}-branch-${b}`}
                      errors={errors.branches?.[b]?.rule}
                      disabled={!canEdit}
                      attributes={attributes}
                      segmentGroups={segmentGroups}
                      summaryLabel="Goes this way for:"
                    />
                  )}
                />
                <NextStepSelect
                  id={`${base}-branch-${b}-next`}
                  label="Then go to"
                  name={`${name}.${b}.next`}
                  stepId={step.id}
                  steps={steps}
                  questions={questions}
                  error={errors.branches?.[b]?.next?.message}
                />
              </fieldset>
            </li>
          ))}
        </ol>
      ) : null}
      {canEdit && fields.length < MAX_BRANCHES ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => append({ id: crypto.randomUUID(), rule: emptyRule(), next: null })}>
          <Plus className="size-4" aria-hidden />
          Add branch<span className="sr-only"> to {title}</span>
        </Button>
      ) : null}
      <NextStepSelect
        id={`${base}-default-next`}
        label={fields.length > 0 ? "Otherwise go to" : "Then go to"}
        hint={fields.length > 0 ? "For visitors no branch matches." : undefined}
        name={`steps.${index}.defaultNext` as `steps.${number}.defaultNext`}
        stepId={step.id}
        steps={steps}
        questions={questions}
        error={errors.defaultNext?.message}
      />
    </fieldset>
  );
}
