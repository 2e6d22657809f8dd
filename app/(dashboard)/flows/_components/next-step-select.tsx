"use client";

import { Controller, useFormContext } from "react-hook-form";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import type { FlowInput, FlowStep } from "@/lib/flows/schema";
import { stepLabel, type KnownQuestions } from "@/lib/flows/validate";

const FINISH = "__finish__";

/** Where a branch or "otherwise" goes: another step, or the end of the flow (stored as null). */
export function NextStepSelect({
  id,
  label,
  hint,
  name,
  stepId,
  steps,
  questions,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  name: `steps.${number}.branches.${number}.next` | `steps.${number}.defaultNext`;
  stepId: string;
  steps: FlowStep[];
  questions: KnownQuestions;
  error?: string;
}) {
  const { control } = useFormContext<FlowInput>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const value = (field.value as string | null | undefined) ?? null;
        const missing = value !== null && !steps.some((s) => s.id === value);
        return (
          <FormField id={id} label={label} hint={hint} error={error}>
            <Select
              {...fieldAria(id, { error, hint: Boolean(hint) })}
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              value={value ?? FINISH}
              aria-invalid={missing || undefined}
              onChange={(e) => field.onChange(e.target.value === FINISH ? null : e.target.value)}
            >
              {missing ? <option value={value}>A deleted step: choose another</option> : null}
              {steps.map((s, i) =>
                s.id === stepId ? null : (
                  <option key={s.id} value={s.id}>
                    {stepLabel(s, i, questions)}
                  </option>
                ),
              )}
              <option value={FINISH}>Finish the flow</option>
            </Select>
          </FormField>
        );
      }}
    />
  );
}
