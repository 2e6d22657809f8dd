"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
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
import { saveGroupAction } from "@/lib/segments/actions";
import { saveGroupSchema, type SaveGroupInput } from "@/lib/segments/schema";
import type { GroupView } from "@/lib/segments/segments";

const empty: SaveGroupInput = {
  key: "",
  name: "",
  selection: "single",
  kind: "categorical",
  segments: [
    { key: "", name: "", numericValue: "" },
    { key: "", name: "", numericValue: "" },
  ],
};

function toInput(g: GroupView): SaveGroupInput {
  return {
    id: g.id,
    key: g.key,
    name: g.name,
    selection: g.selection,
    kind: g.kind,
    segments: g.segments.map((s) => ({ id: s.id, key: s.key, name: s.name, numericValue: s.numericValue === null ? "" : String(s.numericValue) })),
  };
}

/**
 * The group form inside GroupDialog, loaded when the dialog opens (react-hook-form + zod stay off the
 * Segments page's first load). Mounted fresh on each open, so it starts from the saved group.
 */
export function GroupForm({ group, onBusyChange, onClose }: { group?: GroupView; onBusyChange: (busy: boolean) => void; onClose: () => void }) {
  const router = useRouter();
  const form = useForm<SaveGroupInput, unknown, z.output<typeof saveGroupSchema>>({ resolver: zodResolver(saveGroupSchema), defaultValues: group ? toInput(group) : empty });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "segments" });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "kind" });
  const segments = useWatch({ control: form.control, name: "segments" });
  const p = group ? `group-${group.id}` : "group-new";
  useEffect(() => onBusyChange(isSubmitting), [isSubmitting, onBusyChange]);

  async function onSubmit(values: z.output<typeof saveGroupSchema>) {
    const result = await saveGroupAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success(`Saved “${result.data.name}”.`);
    onBusyChange(false);
    onClose();
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="mt-4 space-y-4" noValidate aria-label="Segment group details">
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${p}-name`} label="Name" error={errors.name?.message}>
          <Input
            disabled={isSubmitting}
            {...fieldAria(`${p}-name`, { error: errors.name?.message })}
            {...form.register("name", {
              onChange: (e) => {
                if (!group) form.setValue("key", snakeCase(e.target.value));
              },
            })}
          />
        </FormField>
        <FormField id={`${p}-key`} label="Key" hint={group ? "Keys never change once saved." : "Used by integrations; can't be changed later."} error={errors.key?.message}>
          <Input className="font-mono" readOnly={Boolean(group)} disabled={isSubmitting} {...fieldAria(`${p}-key`, { error: errors.key?.message, hint: true })} {...form.register("key")} />
        </FormField>
        <FormField id={`${p}-selection`} label="Selection" error={errors.selection?.message}>
          <Select disabled={isSubmitting} {...fieldAria(`${p}-selection`, { error: errors.selection?.message })} {...form.register("selection")}>
            <option value="single">Single-select (one segment)</option>
            <option value="multi">Multi-select (several segments)</option>
          </Select>
        </FormField>
        <FormField id={`${p}-kind`} label="Kind" error={errors.kind?.message}>
          <Select disabled={isSubmitting} {...fieldAria(`${p}-kind`, { error: errors.kind?.message })} {...form.register("kind")}>
            <option value="categorical">Categories</option>
            <option value="numeric_bucket">Numeric buckets (each has a number)</option>
          </Select>
        </FormField>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Segments</legend>
        {errors.segments?.root?.message || errors.segments?.message ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {errors.segments?.root?.message ?? errors.segments?.message}
          </p>
        ) : null}
        <ol className="mt-2 space-y-2">
          {fields.map((field, i) => {
            const e = errors.segments?.[i];
            const saved = Boolean(segments?.[i]?.id);
            return (
              <li key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2 sm:grid-cols-[1fr_1fr_6rem_auto]">
                <FormField id={`${p}-seg-${i}-name`} label={<span className="sr-only">Segment {i + 1} name</span>} error={e?.name?.message}>
                  <Input
                    placeholder={`Segment ${i + 1}`}
                    disabled={isSubmitting}
                    {...fieldAria(`${p}-seg-${i}-name`, { error: e?.name?.message })}
                    {...form.register(`segments.${i}.name`, {
                      onChange: (ev) => {
                        if (!saved) form.setValue(`segments.${i}.key`, snakeCase(ev.target.value));
                      },
                    })}
                  />
                </FormField>
                <FormField id={`${p}-seg-${i}-key`} label={<span className="sr-only">Segment {i + 1} key</span>} error={e?.key?.message}>
                  <Input
                    className="font-mono"
                    placeholder="key"
                    readOnly={saved}
                    disabled={isSubmitting}
                    {...fieldAria(`${p}-seg-${i}-key`, { error: e?.key?.message })}
                    {...form.register(`segments.${i}.key`)}
                  />
                </FormField>
                {kind === "numeric_bucket" ? (
                  <FormField id={`${p}-seg-${i}-value`} label={<span className="sr-only">Segment {i + 1} number</span>} error={e?.numericValue?.message}>
                    <Input
                      inputMode="decimal"
                      placeholder="Number"
                      disabled={isSubmitting}
                      {...fieldAria(`${p}-seg-${i}-value`, { error: e?.numericValue?.message })}
                      {...form.register(`segments.${i}.numericValue`)}
                    />
                  </FormField>
                ) : (
                  <span className="hidden sm:block" />
                )}
                <div className="flex">
                  <Button type="button" variant="ghost" size="icon" aria-label={`Move segment ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    <ArrowUp className="size-4" aria-hidden />
                  </Button>
                  <Button type="button" variant="ghost" size="icon" aria-label={`Move segment ${i + 1} down`} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                    <ArrowDown className="size-4" aria-hidden />
                  </Button>
                  <Button type="button" variant="ghost" size="icon" aria-label={`Remove segment ${i + 1}`} onClick={() => remove(i)}>
                    <Trash2 className="size-4" aria-hidden />
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={() => append({ key: "", name: "", numericValue: "" })} disabled={isSubmitting}>
          <Plus className="size-4" aria-hidden />
          Add segment
        </Button>
      </fieldset>
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onClose} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save group"}
        </Button>
      </DialogFooter>
    </form>
  );
}
