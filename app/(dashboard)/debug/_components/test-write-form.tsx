"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PencilLine } from "lucide-react";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { diffWrite, formatValue, plannedValues } from "@/lib/debug/plan";
import { trialWriteSchema, type TrialWriteInput } from "@/lib/debug/schema";
import type { DebugContactView, PlanGroup, TrialWriteResult, WriteRow } from "@/lib/debug/types";

type Props = {
  contact: DebugContactView;
  blocked?: string | null;
  pending: boolean;
  error: string | null;
  result: TrialWriteResult | null;
  onWrite: (input: TrialWriteInput) => void;
};

/** "Write test values": choose segments for the mapped groups, review the diff, confirm; the result says what Intercom kept. */
export function TestWriteForm({ contact, blocked = null, pending, error, result, onWrite }: Props) {
  const { plan } = contact;
  const [confirming, setConfirming] = useState<TrialWriteInput | null>(null);
  const form = useForm<TrialWriteInput>({ resolver: zodResolver(trialWriteSchema), defaultValues: { contactId: contact.id, selections: {} } });
  const selections = useWatch({ control: form.control, name: "selections" }) ?? {};
  const planned = plannedValues(plan, selections);
  const rows = diffWrite(planned.values, contact.values);
  const selectionError = form.formState.errors.selections?.message;
  const formError = typeof selectionError === "string" ? selectionError : null;

  if (plan.source === "none") {
    return (
      <Card aria-labelledby="write-title">
        <CardTitle id="write-title">Write test values</CardTitle>
        <CardDescription>
          No segment group is mapped to an Intercom attribute, so there is nothing to write. An admin can add mappings in Integrations → Intercom →
          Field mapping.
        </CardDescription>
      </Card>
    );
  }

  return (
    <Card aria-labelledby="write-title">
      <CardTitle id="write-title">Write test values</CardTitle>
      <CardDescription>
        Uses the {plan.source === "published" ? `published mappings (version ${plan.version})` : "draft mappings (nothing is published yet)"}. The
        write goes to Intercom at once, is recorded as a test write, and the contact is read back to check it.
      </CardDescription>
      <form
        aria-label="Write test values"
        className="mt-4 space-y-4"
        onSubmit={form.handleSubmit((values) => setConfirming(values))}
        noValidate
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {plan.groups.map((g) => (
            <GroupPicker
              key={g.id}
              group={g}
              value={selections[g.id] ?? []}
              disabled={pending}
              onChange={(keys) => form.setValue(`selections.${g.id}`, keys, { shouldValidate: form.formState.isSubmitted })}
            />
          ))}
        </div>
        {planned.values.length > 0 ? <DiffTable rows={rows} /> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {blocked ? (
          <Alert tone="warning" id="test-write-blocked">
            Test writes are disabled. {blocked}
          </Alert>
        ) : null}
        <Button type="submit" pending={pending} disabled={planned.values.length === 0 || blocked !== null} aria-describedby={blocked ? "test-write-blocked" : undefined}>
          <PencilLine className="size-4" aria-hidden />
          {pending ? "Writing…" : "Review and write…"}
        </Button>
      </form>

      <div aria-live="polite" className="mt-4 space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {result && !pending ? <WriteOutcome result={result} /> : null}
      </div>

      <Dialog open={confirming !== null} onOpenChange={(open) => (open ? null : setConfirming(null))}>
        <DialogContent size="lg">
          <DialogTitle>Write to Intercom now?</DialogTitle>
          <DialogDescription>
            This changes the real contact {contact.name ?? contact.email ?? contact.id} in Intercom. Your name and the values are recorded in the audit
            log.
          </DialogDescription>
          <div className="mt-4">
            <DiffTable rows={rows} />
          </div>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                if (confirming) onWrite(confirming);
                setConfirming(null);
              }}
            >
              Write {rows.length} {rows.length === 1 ? "value" : "values"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}

function GroupPicker({ group, value, disabled, onChange }: { group: PlanGroup; value: string[]; disabled: boolean; onChange: (keys: string[]) => void }) {
  const id = `write-${group.id}`;
  const targets = group.mappings.map((m) => `${m.attribute}${m.dataType ? ` (${m.dataType})` : ""}`).join(", ");
  if (group.selection === "single") {
    return (
      <FormField id={id} label={group.name} hint={`Writes ${targets}`}>
        <Select id={id} aria-describedby={`${id}-hint`} value={value[0] ?? ""} disabled={disabled} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
          <option value="">Don&apos;t write</option>
          {group.segments.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </Select>
      </FormField>
    );
  }
  return (
    <fieldset aria-describedby={`${id}-hint`} className="space-y-1.5">
      <legend className="text-sm font-medium text-zinc-800">{group.name}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {group.segments.map((s) => (
          <label key={s.key} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={value.includes(s.key)}
              disabled={disabled}
              onChange={(e) => onChange(e.target.checked ? [...value, s.key] : value.filter((k) => k !== s.key))}
            />
            {s.name}
          </label>
        ))}
      </div>
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        Writes {targets}
      </p>
    </fieldset>
  );
}

function DiffTable({ rows }: { rows: WriteRow[] }) {
  return (
    <Table aria-label="Values to write">
      <TableHeader>
        <TableRow>
          <TableHead>Attribute</TableHead>
          <TableHead>Intercom now</TableHead>
          <TableHead>After</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.attribute}>
            <TableCell>
              <code className="font-mono text-xs">{r.attribute}</code>
              <span className="block text-xs text-zinc-500">from {r.group}</span>
            </TableCell>
            <TableCell className="break-all">{formatValue(r.before)}</TableCell>
            <TableCell className="break-all">
              {formatValue(r.after)} {r.changed ? null : <Badge>unchanged</Badge>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function WriteOutcome({ result }: { result: TrialWriteResult }) {
  if (result.outcome === "verified") return <Alert tone="success">{result.message}</Alert>;
  return <Alert tone="error">{result.message}</Alert>;
}
