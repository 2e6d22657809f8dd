"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { createAttributeAction } from "@/lib/intercom-integration/mapping-actions";
import { dataTypeLabels, type AttributeDataType } from "@/lib/intercom-integration/mapping-rules";
import { CREATE_DATA_TYPES, createAttributeSchema } from "@/lib/intercom-integration/mapping-schema";
import { queryKeys } from "@/lib/query-keys";
import { reloadSummaryText } from "./reload-summary";

/** "Create new Intercom field" for one mapping row: proposed name and type, errors shown here. */
export function CreateAttributePanel({
  idPrefix,
  proposedName,
  proposedType,
  sourceLabel,
  onCreated,
  onCancel,
}: {
  idPrefix: string;
  proposedName: string;
  proposedType: AttributeDataType;
  sourceLabel: string;
  onCreated: (name: string) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(proposedName);
  const [dataType, setDataType] = useState<AttributeDataType>(proposedType);
  const [nameError, setNameError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: async () => {
      const parsed = createAttributeSchema.safeParse({ name, dataType, description: `${sourceLabel} (written by Tailor)` });
      if (!parsed.success) throw Object.assign(new Error(parsed.error.issues[0]!.message), { field: "name" });
      const result = await createAttributeAction(parsed.data);
      if (!result.ok) throw Object.assign(new Error(result.message), { field: result.fieldErrors?.name ? "name" : undefined });
      return result.data;
    },
    onMutate: () => setNameError(null),
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intercom.attributes });
      toast.success(`Created ${data.name} in Intercom. Attributes reloaded: ${reloadSummaryText(data.summary)}.`);
      onCreated(data.name);
    },
    onError: (error: Error & { field?: string }) => {
      if (error.field === "name") setNameError(error.message);
    },
  });

  const nameId = `${idPrefix}-new-name`;
  const typeId = `${idPrefix}-new-type`;
  return (
    <div className="mt-3 rounded-md border border-indigo-200 bg-brand-50/50 p-3" role="group" aria-label="Create new Intercom field">
      <p className="text-sm font-medium">New Intercom field for {sourceLabel}</p>
      {create.error && !nameError ? (
        <Alert tone="error" className="mt-2">
          {create.error.message}
        </Alert>
      ) : null}
      <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_10rem]">
        <FormField id={nameId} label="Field name" hint="Intercom names can't contain . $ ~ ` ! @ # % ^ & * ' { } | \ or &quot;." error={nameError ?? undefined}>
          <Input
            className="font-mono"
            value={name}
            disabled={create.isPending}
            onChange={(e) => setName(e.target.value)}
            {...fieldAria(nameId, { error: nameError ?? undefined, hint: true })}
            {...(nameError ? { "aria-errormessage": `${nameId}-error` } : {})}
          />
        </FormField>
        <FormField id={typeId} label="Type">
          <Select id={typeId} value={dataType} disabled={create.isPending} onChange={(e) => setDataType(e.target.value as AttributeDataType)}>
            {CREATE_DATA_TYPES.map((t) => (
              <option key={t} value={t}>
                {dataTypeLabels[t]}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      {nameError ? (
        <p className="sr-only" role="alert">
          {nameError}
        </p>
      ) : null}
      <div className="mt-3 flex gap-2">
        <Button type="button" size="sm" onClick={() => create.mutate()} pending={create.isPending}>
          {create.isPending ? "Creating in Intercom…" : "Create field"}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
