"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { FormProvider, useFieldArray, type Resolver } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import type { AttributeCacheView } from "@/lib/intercom-integration/attributes";
import { listAttributesAction, reloadAttributesAction, saveMappingsAction } from "@/lib/intercom-integration/mapping-actions";
import { DEFAULT_SEPARATOR } from "@/lib/intercom-integration/mapping-rules";
import { mappingsSchemaFor, type MappingContext, type MappingRowInput, type MappingSource, type SaveMappingsInput } from "@/lib/intercom-integration/mapping-schema";
import type { MappingView } from "@/lib/intercom-integration/mappings";
import { queryKeys } from "@/lib/query-keys";
import { MappingRow } from "./mapping-row";
import { reloadSummaryText } from "./reload-summary";
import { useDateStyle } from "@/components/date-style";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/components/empty-state";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";

const toRow = (m: MappingView): MappingRowInput => ({
  id: m.id,
  source: m.source,
  attribute: m.attribute,
  conversion: m.conversion,
  separator: m.separator,
  longStrings: m.longStrings,
  writePolicy: m.writePolicy,
  enabled: m.enabled,
});

const emptyRow = (): MappingRowInput => ({ source: "", attribute: "", conversion: "", separator: DEFAULT_SEPARATOR, longStrings: "truncate", writePolicy: "overwrite", enabled: true });

export function MappingForm({
  sources,
  initialAttributes,
  mappings,
  canEdit,
  loadError,
}: {
  sources: MappingSource[];
  initialAttributes: AttributeCacheView;
  mappings: MappingView[];
  canEdit: boolean;
  loadError?: string;
}) {
  const router = useRouter();
  const style = useDateStyle();
  const queryClient = useQueryClient();
  const [reloadMessage, setReloadMessage] = useState<string | null>(null);
  const [savedMappings, setSavedMappings] = useState(mappings);

  const attributesQuery = useQuery({
    queryKey: queryKeys.intercom.attributes,
    queryFn: async () => {
      const result = await listAttributesAction({});
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    initialData: initialAttributes,
  });
  const attributes = attributesQuery.data.attributes;

  // Rebuilt when attributes or saved rows change (react-hook-form reads its options on every render),
  // so the client checks exactly what the server action will check.
  const resolver = useMemo<Resolver<SaveMappingsInput>>(() => {
    const context: MappingContext = { sources, attributes, savedAttributeById: Object.fromEntries(savedMappings.map((m) => [m.id, m.attribute])) };
    return zodResolver(mappingsSchemaFor(context));
  }, [sources, attributes, savedMappings]);

  const form = useForm<SaveMappingsInput>({ resolver, defaultValues: { mappings: mappings.map(toRow) } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "mappings" });
  const { errors, isSubmitting, isDirty } = form.formState;

  const reload = useMutation({
    mutationFn: async () => {
      const result = await reloadAttributesAction({});
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onMutate: () => setReloadMessage(null),
    onSuccess: async (summary) => {
      setReloadMessage(`Attributes reloaded: ${reloadSummaryText(summary)}.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.intercom.attributes });
      router.refresh();
    },
  });

  const save = useMutation({
    mutationFn: async (values: SaveMappingsInput) => saveMappingsAction(values),
    onSuccess: (result) => {
      if (!result.ok) return showServerErrors(form, result);
      setSavedMappings(result.data.mappings);
      form.reset({ mappings: result.data.mappings.map(toRow) });
      toast.success(`Mappings saved to the draft configuration (${result.data.mappings.length}).`);
      router.refresh();
    },
    onError: () => form.setError("root.server", { type: "server", message: "Tailor couldn't reach the server. Your changes are still here; try again." }),
  });

  const readOnly = !canEdit;
  const loadedAt = attributesQuery.data.loadedAt ? new Date(attributesQuery.data.loadedAt) : null;
  return (
    <FormProvider {...form}>
      <UnsavedChangesGuard when={canEdit && isDirty && !isSubmitting} />
      <form onSubmit={form.handleSubmit((values) => save.mutateAsync(values))} noValidate aria-label="Field mappings" className="space-y-4">
        <div className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="text-sm">
            <p className="font-medium text-zinc-900">
              {attributes.length.toLocaleString("en")} Intercom contact attributes ({attributes.filter((a) => !a.unavailable).length.toLocaleString("en")} can be written)
            </p>
            <p className="text-zinc-600">{loadedAt ? `Loaded from Intercom ${formatDateTime(loadedAt, { style })}` : "Not loaded from Intercom yet"}</p>
          </div>
          {canEdit ? (
            <Button type="button" variant="secondary" onClick={() => reload.mutate()} pending={reload.isPending} disabled={isSubmitting}>
              {reload.isPending ? null : <RefreshCw className="size-4" aria-hidden />}
              {reload.isPending ? "Reloading attributes…" : "Reload attributes"}
            </Button>
          ) : null}
        </div>
        <div aria-live="polite">
          {reloadMessage ? <Alert tone="success">{reloadMessage}</Alert> : null}
        </div>
        {reload.error ? <Alert tone="error">{reload.error.message}</Alert> : null}
        {loadError ? <Alert tone="error">Attributes couldn’t be loaded from Intercom: {loadError}</Alert> : null}
        {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
        {readOnly ? <Alert>You can view these mappings. Only an owner or admin can change them.</Alert> : null}

        {fields.length === 0 ? (
          <EmptyState title="No field mappings yet">
              {sources.length === 0
                ? "Create segment groups first (Segments in the sidebar), then map them here."
                : "Add a mapping to write a segment group’s or question’s answer into an Intercom contact field."}
          </EmptyState>
        ) : (
          <ol className="space-y-3">
            {fields.map((field, index) => (
              <MappingRow key={field.id} index={index} sources={sources} attributes={attributes} readOnly={readOnly} onRemove={() => remove(index)} />
            ))}
          </ol>
        )}

        {canEdit ? (
          <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 pt-4">
            <Button type="button" variant="secondary" onClick={() => append(emptyRow())} disabled={isSubmitting || sources.length === 0}>
              <Plus className="size-4" aria-hidden />
              Add mapping
            </Button>
            <Button type="submit" pending={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save mappings"}
            </Button>
            {isDirty ? <span className="text-sm text-zinc-600">Unsaved changes</span> : null}
          </div>
        ) : null}
      </form>
    </FormProvider>
  );
}
