"use client";

import Link from "next/link";
import { useFormContext } from "react-hook-form";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { PersonalizationInput } from "@/lib/personalizations/schema";

/** The holdout share and the primary goal: what the results page compares and on which conversion. */
export function MeasurementFields({ goals }: { goals: { key: string; name: string }[] }) {
  const form = useFormContext<PersonalizationInput>();
  const { errors } = form.formState;
  return (
    <Card aria-labelledby="measurement-title">
      <CardTitle id="measurement-title">Measurement</CardTitle>
      <CardDescription>
        A holdout keeps a share of the visitors who match a variant on the default content, so the results page can show the lift.
      </CardDescription>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <FormField id="holdoutPercent" label="Holdout (%)" hint="0 to 50 % of matching visitors; each visitor stays in the same group." error={errors.holdoutPercent?.message}>
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            step={1}
            {...fieldAria("holdoutPercent", { error: errors.holdoutPercent?.message, hint: true })}
            {...form.register("holdoutPercent")}
          />
        </FormField>
        <FormField
          id="primaryGoal"
          label="Primary goal"
          hint={
            <>
              The conversion the results measure. <Link href="/personalizations/goals" className="text-brand-700 underline">Manage goals</Link>
            </>
          }
          error={errors.primaryGoal?.message}
        >
          <Select {...fieldAria("primaryGoal", { error: errors.primaryGoal?.message, hint: true })} {...form.register("primaryGoal", { setValueAs: (v: string) => (v === "" ? null : v) })}>
            <option value="">No goal yet</option>
            {goals.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name} ({g.key})
              </option>
            ))}
          </Select>
        </FormField>
      </div>
    </Card>
  );
}
