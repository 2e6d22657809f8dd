"use client";

import { Controller, useFormContext } from "react-hook-form";
import { RuleBuilder, type RuleAttributeOption, type RuleSegmentGroupOption } from "@/components/rules/rule-builder";
import { Card, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FlowInput } from "@/lib/flows/schema";

export function FlowSettings({ canEdit, attributes, segmentGroups }: { canEdit: boolean; attributes: RuleAttributeOption[]; segmentGroups: RuleSegmentGroupOption[] }) {
  const { control, register, formState } = useFormContext<FlowInput>();
  const { errors } = formState;
  return (
    <Card aria-labelledby="settings-title">
      <CardTitle id="settings-title">Settings</CardTitle>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <FormField id="flow-name" label="Name" error={errors.name?.message}>
          <Input autoComplete="off" {...fieldAria("flow-name", { error: errors.name?.message })} {...register("name")} />
        </FormField>
        <FormField id="flow-key" label="Flow key" hint="Used in the snippet and in analytics; lowercase letters, digits, - and _." error={errors.key?.message}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" {...fieldAria("flow-key", { error: errors.key?.message, hint: true })} {...register("key")} />
        </FormField>
      </div>
      <div className="mt-4 flex items-start gap-2">
        <input id="flow-enabled" type="checkbox" className="mt-0.5 size-4 accent-brand-600" aria-describedby="flow-enabled-hint" {...register("enabled")} />
        <div>
          <label htmlFor="flow-enabled" className="text-sm font-medium text-zinc-800">
            On: offered to visitors after publishing
          </label>
          <p id="flow-enabled-hint" className="text-xs text-zinc-500">
            An enabled flow must have no problems to be published. Leave it off while it is unfinished.
          </p>
        </div>
      </div>
      <div className="mt-4 space-y-1.5">
        <p className="text-sm font-medium text-zinc-800">Audience</p>
        <p className="text-xs text-zinc-500">Who is offered this flow. With no conditions, every visitor is.</p>
        <Controller
          control={control}
          name="audience"
          render={({ field }) => (
            <RuleBuilder
              value={field.value}
              onChange={field.onChange}
              label="Audience of the flow"
              idPrefix="flow-audience"
              errors={errors.audience}
              disabled={!canEdit}
              attributes={attributes}
              segmentGroups={segmentGroups}
            />
          )}
        />
      </div>
    </Card>
  );
}
