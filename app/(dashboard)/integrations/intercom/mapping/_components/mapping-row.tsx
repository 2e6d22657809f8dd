"use client";

import { ArrowRight, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { proposeAttributeName } from "@/lib/intercom-integration/attribute-name";
import type { AttributeView } from "@/lib/intercom-integration/attributes";
import {
  conversionLabels,
  dataTypeLabels,
  driftOf,
  driftText,
  INTERCOM_STRING_MAX,
  LONG_STRING_POLICIES,
  longestValueLength,
  longStringPolicyLabels,
  producesText,
  previewConversion,
  ruleFor,
  sourceKindLabels,
  suggestedDataType,
  type Conversion,
} from "@/lib/intercom-integration/mapping-rules";
import { writePolicyLabels, WRITE_POLICIES, type MappingSource, type SaveMappingsInput } from "@/lib/intercom-integration/mapping-schema";
import { AttributePicker } from "./attribute-picker";
import { CreateAttributePanel } from "./create-attribute-panel";

const sourceGroups = [
  { type: "group", label: "Segment groups" },
  { type: "question", label: "Questions" },
  { type: "segment", label: "Single segments (true/false)" },
  { type: "behavior", label: "Behaviour on the website" },
] as const;

export function MappingRow({
  index,
  sources,
  attributes,
  readOnly,
  onRemove,
}: {
  index: number;
  sources: MappingSource[];
  attributes: AttributeView[];
  readOnly: boolean;
  onRemove: () => void;
}) {
  const form = useFormContext<SaveMappingsInput>();
  const row = useWatch({ control: form.control, name: `mappings.${index}` });
  const errors = form.formState.errors.mappings?.[index];
  const [creating, setCreating] = useState(false);
  const isSubmitting = form.formState.isSubmitting;

  const source = sources.find((s) => s.ref === row.source);
  const attribute = attributes.find((a) => a.name === row.attribute);
  const rule = source && attribute ? ruleFor(source, attribute.dataType) : null;
  const preview = source && rule && (rule.allowed as readonly string[]).includes(row.conversion) ? previewConversion(source, row.conversion as Conversion, { separator: row.separator }) : null;
  const drift = row.attribute && attributes.length > 0 ? driftOf(attribute) : null;

  const p = `mapping-${index}`;
  const sourceError = errors?.source?.message;
  const attributeError = errors?.attribute?.message ?? (rule?.reason ? `Doesn't fit: ${rule.reason}` : undefined);
  const conversionError = errors?.conversion?.message;

  // Keep the conversion valid as source or attribute change: the first allowed one is the default.
  function syncConversion(nextSource: string, nextAttribute: string) {
    const s = sources.find((x) => x.ref === nextSource);
    const a = attributes.find((x) => x.name === nextAttribute);
    if (!s || !a) return;
    const allowed = ruleFor(s, a.dataType).allowed as readonly string[];
    const current = form.getValues(`mappings.${index}.conversion`);
    if (!allowed.includes(current)) form.setValue(`mappings.${index}.conversion`, allowed[0] ?? "", { shouldDirty: true });
  }

  const taken = attributes.map((a) => a.name);
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs" aria-label={`Mapping ${index + 1}`}>
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm font-semibold text-zinc-900">
          Mapping {index + 1}
          {source ? <span className="ml-2 font-normal text-zinc-500">{sourceKindLabels[source.kind]}</span> : null}
        </p>
        <div className="flex items-center gap-2">
          {drift && row.attribute ? (
            <Badge tone="warning">Needs attention</Badge>
          ) : !row.enabled ? (
            <Badge tone="neutral">Disabled</Badge>
          ) : null}
          {!readOnly ? (
            <Button type="button" variant="ghost" size="icon" onClick={onRemove} aria-label={`Remove mapping ${index + 1}`} disabled={isSubmitting}>
              <Trash2 className="size-4" aria-hidden />
            </Button>
          ) : null}
        </div>
      </div>

      {drift && row.attribute ? (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" role="status">
          Needs attention: {driftText(row.attribute, drift)}. This mapping is excluded from syncing until you choose another attribute.
        </p>
      ) : null}

      <div className="mt-3 grid gap-4 md:grid-cols-[1fr_auto_1fr]">
        <FormField id={`${p}-source`} label="Tailor source" error={sourceError}>
          <Select
            disabled={readOnly || isSubmitting}
            {...fieldAria(`${p}-source`, { error: sourceError })}
            {...form.register(`mappings.${index}.source`, { onChange: (e) => syncConversion(e.target.value, form.getValues(`mappings.${index}.attribute`)) })}
          >
            <option value="">Choose a group, question, segment or behaviour…</option>
            {sourceGroups.map((g) => (
              <optgroup key={g.type} label={g.label}>
                {sources
                  .filter((s) => s.type === g.type)
                  .map((s) => (
                    <option key={s.ref} value={s.ref}>
                      {s.label}
                      {s.type === "question" ? ` (${s.groupName})` : ""}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </FormField>
        <ArrowRight className="mt-8 hidden size-4 text-zinc-400 md:block" aria-hidden />
        <div className="space-y-1.5">
          <label htmlFor={`${p}-attribute`} className="text-sm font-medium text-zinc-800">
            Intercom attribute
          </label>
          <Controller
            control={form.control}
            name={`mappings.${index}.attribute`}
            render={({ field }) => (
              <AttributePicker
                id={`${p}-attribute`}
                attributes={attributes}
                value={field.value}
                disabled={readOnly || isSubmitting}
                invalid={Boolean(attributeError)}
                describedBy={attributeError ? `${p}-attribute-error` : undefined}
                fitNote={(a) => (source ? ruleFor(source, a.dataType).reason && `Doesn't fit ${source.label}` : null)}
                onChange={(name) => {
                  field.onChange(name);
                  form.clearErrors(`mappings.${index}.attribute`);
                  syncConversion(form.getValues(`mappings.${index}.source`), name);
                }}
              />
            )}
          />
          {attributeError ? (
            <p id={`${p}-attribute-error`} className="text-sm text-red-700" role="alert">
              {attributeError}
            </p>
          ) : null}
          {!readOnly && source && !creating ? (
            <Button type="button" variant="link" size={null} className="h-auto px-3" onClick={() => setCreating(true)} disabled={isSubmitting}>
              <Plus className="size-3.5" aria-hidden />
              Create new Intercom field
            </Button>
          ) : null}
        </div>
      </div>

      {creating && source ? (
        <CreateAttributePanel
          idPrefix={p}
          proposedName={proposeAttributeName(source.nameBase, taken)}
          proposedType={suggestedDataType(source)}
          sourceLabel={source.label}
          onCancel={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            form.setValue(`mappings.${index}.attribute`, name, { shouldDirty: true });
            form.clearErrors(`mappings.${index}.attribute`);
            const allowed = ruleFor(source, suggestedDataType(source)).allowed;
            form.setValue(`mappings.${index}.conversion`, allowed[0] ?? "", { shouldDirty: true });
          }}
        />
      ) : null}

      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FormField id={`${p}-conversion`} label="Value conversion" error={conversionError}>
          <Select
            disabled={readOnly || isSubmitting || !rule || rule.allowed.length === 0}
            {...fieldAria(`${p}-conversion`, { error: conversionError })}
            {...form.register(`mappings.${index}.conversion`)}
          >
            {!rule || rule.allowed.length === 0 ? <option value={row.conversion}>—</option> : null}
            {rule?.allowed.map((c) => (
              <option key={c} value={c}>
                {conversionLabels[c]}
              </option>
            ))}
          </Select>
        </FormField>
        {row.conversion.startsWith("joined_") ? (
          <FormField id={`${p}-separator`} label="Separator" error={errors?.separator?.message}>
            <Input
              className="font-mono"
              disabled={readOnly || isSubmitting}
              {...fieldAria(`${p}-separator`, { error: errors?.separator?.message })}
              {...form.register(`mappings.${index}.separator`)}
            />
          </FormField>
        ) : null}
        <FormField id={`${p}-policy`} label="Write policy">
          <Select id={`${p}-policy`} disabled={readOnly || isSubmitting} {...form.register(`mappings.${index}.writePolicy`)}>
            {WRITE_POLICIES.map((w) => (
              <option key={w} value={w}>
                {writePolicyLabels[w]}
              </option>
            ))}
          </Select>
        </FormField>
        {producesText(row.conversion) ? (
          <FormField id={`${p}-long`} label="Text over 255 characters">
            <Select id={`${p}-long`} disabled={readOnly || isSubmitting} {...form.register(`mappings.${index}.longStrings`)}>
              {LONG_STRING_POLICIES.map((l) => (
                <option key={l} value={l}>
                  {longStringPolicyLabels[l]}
                </option>
              ))}
            </Select>
          </FormField>
        ) : null}
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm font-medium text-zinc-800">
            <input type="checkbox" className="size-4 accent-brand-600" disabled={readOnly || isSubmitting} {...form.register(`mappings.${index}.enabled`)} />
            Enabled
          </label>
        </div>
      </div>

      <p className="mt-3 text-sm text-zinc-600" aria-live="polite">
        {preview ? (
          <>
            Preview: answer <span className="font-medium text-zinc-900">“{preview.answer}”</span> → writes{" "}
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-zinc-900">{preview.value}</code>
            {attribute ? (
              <>
                {" "}
                into <span className="font-mono">{attribute.name}</span> ({dataTypeLabels[attribute.dataType].toLowerCase()})
              </>
            ) : null}
            {source && longestValueLength(source, row.conversion as Conversion, { separator: row.separator }) > INTERCOM_STRING_MAX ? (
              <span className="mt-1 block text-amber-800">
                Some answers are longer than Intercom&apos;s {INTERCOM_STRING_MAX}-character limit;{" "}
                {row.longStrings === "refuse" ? "those are not sent, and the sync log says why." : "they are cut with an ellipsis (…) before writing."}
              </span>
            ) : null}
          </>
        ) : (
          "Choose a source and a compatible attribute to see what gets written."
        )}
      </p>
    </li>
  );
}
