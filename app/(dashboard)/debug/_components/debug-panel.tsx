"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Search } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { lookupContactAction, trialWriteAction } from "@/lib/debug/actions";
import { detectIdentity, type TrialWriteInput } from "@/lib/debug/schema";
import type { LookupResult, TrialWriteResult } from "@/lib/debug/types";
import { queryKeys } from "@/lib/query-keys";
import { ContactChooser } from "./contact-chooser";
import { ContactDetails } from "./contact-details";
import { RawCalls } from "./raw-calls";
import { RuleTraces } from "./rule-traces";
import { TestWriteForm } from "./test-write-form";

// Loaded only once a contact is shown.
const BehaviorEvents = dynamic(() => import("./behavior-events"), { ssr: false });

type Lookup = { query: string; contactId: string | null };
type Connection = { region: string; appName: string; status: string };

const detectedText = {
  email: "Looks like an email address: Tailor searches Intercom for it.",
  contact_id: "Looks like an Intercom contact ID: Tailor reads that contact.",
} as const;

/** The support debug panel: look a contact up, see what Tailor sees, and try a test write. */
export function DebugPanel({
  canWrite,
  writeBlocked = null,
  connection,
  viewer,
}: {
  canWrite: boolean;
  /** Why test writes are disabled for everyone (a read-only token), or null. */
  writeBlocked?: string | null;
  connection: Connection;
  viewer: string;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const [current, setCurrent] = useState<Lookup | null>(null);
  const detected = detectIdentity(text);
  const key = queryKeys.debug.contact(current?.query ?? "", current?.contactId ?? null);

  const lookup = useQuery({
    queryKey: key,
    enabled: current !== null,
    // Support wants Intercom as it is now: never serve an earlier answer.
    staleTime: 0,
    gcTime: 0,
    retry: false,
    queryFn: async (): Promise<LookupResult> => {
      const result = await lookupContactAction({ query: current!.query, ...(current!.contactId ? { contactId: current!.contactId } : {}) });
      if (!result.ok) throw new Error(result.fieldErrors?.query ?? result.message);
      return result.data;
    },
  });

  const write = useMutation({
    mutationFn: async (input: TrialWriteInput): Promise<TrialWriteResult> => {
      const result = await trialWriteAction(input);
      if (!result.ok) throw new Error(result.fieldErrors?.selections ?? result.message);
      return result.data;
    },
    onSuccess: (result) => {
      if (!result.contact) return;
      queryClient.setQueryData<LookupResult>(key, (old) =>
        old?.kind === "contact" ? { ...old, contact: result.contact!, calls: result.calls } : old,
      );
    },
  });

  function open(next: Lookup) {
    write.reset();
    const same = current && current.query === next.query && current.contactId === next.contactId;
    setCurrent(next);
    if (same) void lookup.refetch();
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (detected.kind === "empty") return setInputError("Enter an email address or an Intercom contact ID.");
    if (detected.kind === "invalid") return setInputError(detected.message);
    setInputError(null);
    open({ query: detected.value, contactId: null });
  }

  const data = lookup.isFetching ? undefined : lookup.data;
  const writeIsNewer = write.data !== undefined && write.submittedAt >= lookup.dataUpdatedAt;
  const lastCalls = writeIsNewer ? write.data!.calls : (data?.calls ?? []);
  const hint = inputError ?? (detected.kind === "email" || detected.kind === "contact_id" ? detectedText[detected.kind] : "An email address or a 24-character Intercom contact ID.");

  return (
    <div className="space-y-6">
      <Card aria-labelledby="lookup-title">
        <CardTitle id="lookup-title">Look up a contact</CardTitle>
        <CardDescription>
          Reads the Intercom workspace “{connection.appName}” live, bypassing Tailor&apos;s cache. Nothing in Intercom changes until you confirm a
          test write.
        </CardDescription>
        <form className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start" aria-label="Look up a contact" onSubmit={submit} noValidate>
          <div className="min-w-0 flex-1">
            <FormField id="debug-query" label="Email or Intercom contact ID" error={inputError ?? undefined}>
              <Input
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setInputError(null);
                }}
                placeholder="grace@example.com or 6762f0d01bb69f9f2193bb7d"
                autoComplete="off"
                spellCheck={false}
                {...fieldAria("debug-query", { error: inputError ?? undefined, hint: !inputError })}
              />
            </FormField>
            {inputError ? null : (
              <p id="debug-query-hint" aria-live="polite" className="mt-1.5 text-xs text-zinc-600">
                {hint}
              </p>
            )}
          </div>
          <Button type="submit" className="sm:mt-6" pending={lookup.isFetching}>
            <Search className="size-4" aria-hidden />
            {lookup.isFetching ? "Looking up…" : "Look up"}
          </Button>
        </form>
      </Card>

      <div aria-live="polite" className="space-y-6">
        {lookup.isFetching ? (
          <p role="status" className="text-sm text-zinc-600">
            Reading from Intercom…
          </p>
        ) : null}
        {lookup.isError && !lookup.isFetching ? <Alert tone="error">{lookup.error.message}</Alert> : null}
        {data?.kind === "not_found" ? <Alert>{data.message}</Alert> : null}
        {data?.kind === "error" ? <Alert tone="error">{data.message}</Alert> : null}
        {data?.kind === "several" ? (
          <ContactChooser key={data.query} result={data} onChoose={(contactId) => open({ query: data.query, contactId })} />
        ) : null}
        {data?.kind === "contact" ? (
          <>
            <ContactDetails contact={data.contact} pickedBecause={data.pickedBecause} />
            <RuleTraces rules={data.contact.rules} />
            <BehaviorEvents key={`behavior-${data.contact.id}`} contactId={data.contact.id} canWrite={canWrite} blocked={writeBlocked} />
            {canWrite ? (
              <TestWriteForm
                key={data.contact.id}
                contact={data.contact}
                blocked={writeBlocked}
                pending={write.isPending}
                error={write.error?.message ?? null}
                result={write.data ?? null}
                onWrite={(input) => write.mutate(input)}
              />
            ) : null}
          </>
        ) : null}
      </div>

      {data || write.data ? (
        <RawCalls
          calls={lastCalls}
          report={{ connection, query: current?.query ?? "", lookup: data ?? null, write: write.data ?? null, viewer }}
        />
      ) : null}
    </div>
  );
}
