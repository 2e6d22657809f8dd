"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { FormProvider, useFieldArray, useWatch } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import { IntercomCatalogueProvider } from "@/components/rules/catalogue-context";
import type { RuleAttributeOption, RuleSegmentGroupOption } from "@/components/rules/rule-builder";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { savePersonalizationAction, deletePersonalizationAction } from "@/lib/personalizations/actions";
import { MAX_VARIANTS, personalizationSchema, type PersonalizationDraft, type PersonalizationInput } from "@/lib/personalizations/schema";
import type { IntercomCatalogue } from "@/lib/rules/references";
import { emptyRule } from "@/lib/rules/schema";
import { ContentField } from "./content-field";
import { DeleteDraftButton } from "@/components/publishing/delete-draft-button";
import { MergeTagHelp } from "./merge-tag-help";
import { PreviewPanel } from "./preview-panel";
import { VariantRow } from "./variant-row";
import { MeasurementFields } from "./measurement-fields";

const blank: PersonalizationInput = { placementKey: "", name: "", defaultHtml: "", variants: [], holdoutPercent: 10, primaryGoal: null };

export function PersonalizationEditor({
  id,
  initial = blank,
  canEdit,
  attributes,
  segmentGroups,
  goals,
  catalogue,
}: {
  /** Absent for a new personalization. */
  id?: string;
  initial?: PersonalizationInput;
  canEdit: boolean;
  attributes: RuleAttributeOption[];
  segmentGroups: RuleSegmentGroupOption[];
  goals: { key: string; name: string }[];
  catalogue: IntercomCatalogue;
}) {
  const router = useRouter();
  const form = useForm<PersonalizationInput, unknown, PersonalizationDraft>({ resolver: zodResolver(personalizationSchema), defaultValues: initial });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "variants" });
  const { errors, isSubmitting, isDirty } = form.formState;
  const placementKey = useWatch({ control: form.control, name: "placementKey" });

  async function onSubmit(values: PersonalizationDraft) {
    const result = await savePersonalizationAction(id ? { ...values, id } : values);
    if (!result.ok) return showServerErrors(form, result);
    const { warnings } = result.data;
    if (warnings.length > 0) {
      toast.error(`Saved “${values.name}”, but Intercom doesn't have everything it names.`, { description: warnings.join(" · ") });
    } else {
      toast.success(`Saved “${values.name}”. Publish to make it live.`);
    }
    if (!id) {
      router.replace(`/personalizations/${result.data.id}`);
    } else {
      form.reset(values);
    }
    router.refresh();
  }

  const variantsError = errors.variants?.message ?? errors.variants?.root?.message;
  return (
    <IntercomCatalogueProvider catalogue={catalogue} attributes={attributes}>
    <FormProvider {...form}>
      <UnsavedChangesGuard when={canEdit && isDirty && !isSubmitting} />
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label={id ? "Edit personalization" : "New personalization"} className="space-y-6">
        {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
        {!canEdit ? <Alert>You can view this personalization and preview it. An owner, admin or marketer can change it.</Alert> : null}
        <fieldset disabled={!canEdit || isSubmitting} className="min-w-0 space-y-6">
          <Card aria-labelledby="basics-title">
            <CardTitle id="basics-title">Placement</CardTitle>
            <div className="mt-4 grid gap-4 md:grid-cols-2">
              <FormField id="name" label="Name" error={errors.name?.message}>
                <Input autoComplete="off" placeholder="Homepage hero" {...fieldAria("name", { error: errors.name?.message })} {...form.register("name")} />
              </FormField>
              <FormField
                id="placementKey"
                label="Placement key"
                hint={
                  <>
                    On your site, mark the element whose content this replaces:{" "}
                    <code className="break-all rounded bg-zinc-100 px-1 font-mono text-zinc-800">
                      {`<div data-tailor-placement="${placementKey?.trim() || "hero-cta"}">…</div>`}
                    </code>
                  </>
                }
                error={errors.placementKey?.message}
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="hero-cta"
                  className="font-mono"
                  {...fieldAria("placementKey", { error: errors.placementKey?.message, hint: true })}
                  {...form.register("placementKey")}
                />
              </FormField>
            </div>
          </Card>

          <Card aria-labelledby="variants-title">
            <CardTitle id="variants-title">Variants</CardTitle>
            <CardDescription>
              Each visitor sees the first variant whose audience they match, top to bottom; everyone else sees the default content.
            </CardDescription>
            <MergeTagHelp />
            <div className="mt-4 space-y-3">
              {fields.length === 0 ? <p className="rounded-md border border-dashed border-zinc-300 p-4 text-sm text-zinc-600">No variants yet: everyone sees the default content.</p> : null}
              {fields.map((field, index) => (
                <VariantRow
                  key={field.id}
                  index={index}
                  count={fields.length}
                  canEdit={canEdit}
                  attributes={attributes}
                  segmentGroups={segmentGroups}
                  onMove={(to) => move(index, to)}
                  onRemove={() => remove(index)}
                />
              ))}
              {variantsError ? <p className="text-sm text-red-700">{variantsError}</p> : null}
              {canEdit && fields.length < MAX_VARIANTS ? (
                <Button type="button" variant="secondary" onClick={() => append({ id: crypto.randomUUID(), name: "", rule: emptyRule(), html: "" })}>
                  <Plus className="size-4" aria-hidden />
                  Add variant
                </Button>
              ) : null}
            </div>
          </Card>

          <Card aria-labelledby="default-title">
            <CardTitle id="default-title">Everyone else</CardTitle>
            <div className="mt-4">
              <ContentField
                id="defaultHtml"
                name="defaultHtml"
                label="Default content"
                hint="HTML for visitors no variant matches. Leave empty to keep the page's own content."
                error={errors.defaultHtml?.message}
              />
            </div>
          </Card>

          <MeasurementFields goals={goals} />
        </fieldset>

        {canEdit ? (
          <div className="sticky bottom-0 z-10 -mx-4 flex items-center gap-2 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur md:-mx-8 md:px-8">
            <Button type="submit" pending={isSubmitting}>
              {isSubmitting ? "Saving…" : id ? "Save draft" : "Create draft"}
            </Button>
            <p className="hidden text-sm text-zinc-600 sm:block">{isDirty ? "Unsaved edits." : id ? "Saved as draft; publish to make changes live." : "Not saved yet."}</p>
            {id ? (
              <div className="ml-auto">
                <DeleteDraftButton noun="personalization" name={initial.name} listHref="/personalizations" onDelete={() => deletePersonalizationAction({ id })} />
              </div>
            ) : null}
          </div>
        ) : null}
      </form>
      <PreviewPanel />
    </FormProvider>
    </IntercomCatalogueProvider>
  );
}
