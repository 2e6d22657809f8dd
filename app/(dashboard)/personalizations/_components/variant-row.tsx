"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { RuleBuilder, type RuleAttributeOption, type RuleSegmentGroupOption } from "@/components/rules/rule-builder";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { PersonalizationInput } from "@/lib/personalizations/schema";
import { ContentField } from "./content-field";

export function VariantRow({
  index,
  count,
  canEdit,
  attributes,
  segmentGroups,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  canEdit: boolean;
  attributes: RuleAttributeOption[];
  segmentGroups: RuleSegmentGroupOption[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { control, register, formState } = useFormContext<PersonalizationInput>();
  const name = useWatch({ control, name: `variants.${index}.name` });
  const errors = formState.errors.variants?.[index];
  const base = `variant-${index}`;
  const title = `Variant ${index + 1}`;
  const label = name?.trim() ? `${title}: ${name.trim()}` : title;

  return (
    <section aria-labelledby={`${base}-title`} className="rounded-lg border border-zinc-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h3 id={`${base}-title`} className="min-w-0 flex-1 break-words font-semibold">
          {label}
        </h3>
        {canEdit ? (
          <div className="flex items-center gap-1">
            <Button type="button" variant="ghost" size="icon" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={`Move ${title} up`}>
              <ArrowUp className="size-4" aria-hidden />
            </Button>
            <Button type="button" variant="ghost" size="icon" onClick={() => onMove(index + 1)} disabled={index === count - 1} aria-label={`Move ${title} down`}>
              <ArrowDown className="size-4" aria-hidden />
            </Button>
            <Button type="button" variant="dangerGhost" size="sm" onClick={onRemove}>
              <Trash2 className="size-4" aria-hidden />
              Remove<span className="sr-only"> {title}</span>
            </Button>
          </div>
        ) : null}
      </div>
      <div className="space-y-4">
        <FormField id={`${base}-name`} label="Variant name" error={errors?.name?.message}>
          <Input autoComplete="off" placeholder="VIP customers" {...fieldAria(`${base}-name`, { error: errors?.name?.message })} {...register(`variants.${index}.name`)} />
        </FormField>
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-zinc-800" id={`${base}-audience`}>
            Audience
          </p>
          <Controller
            control={control}
            name={`variants.${index}.rule`}
            render={({ field }) => (
              <RuleBuilder
                value={field.value}
                onChange={field.onChange}
                label={`Audience of ${title}`}
                idPrefix={`${base}-rule`}
                errors={errors?.rule}
                disabled={!canEdit}
                attributes={attributes}
                segmentGroups={segmentGroups}
              />
            )}
          />
        </div>
        <ContentField
          id={`${base}-html`}
          name={`variants.${index}.html`}
          label="Content"
          hint="HTML shown to this audience. Merge tags are filled in per visitor."
          error={errors?.html?.message}
        />
      </div>
    </section>
  );
}
