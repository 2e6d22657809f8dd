"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { contactBehaviorAction, testEventAction } from "@/lib/debug/actions";
import { queryKeys } from "@/lib/query-keys";
import { useDateStyle } from "@/components/date-style";
import { formatDateTime } from "@/lib/format";

/** Data events Tailor sent to this contact, its behaviour fields, and a test event read back. Loaded lazily by the debug panel. */
export default function BehaviorEvents({ contactId, canWrite, blocked }: { contactId: string; canWrite: boolean; blocked: string | null }) {
  const style = useDateStyle();
  const when = (seconds: number) => formatDateTime(seconds * 1000, { seconds: true, style });
  const behavior = useQuery({
    queryKey: queryKeys.debug.behavior(contactId),
    staleTime: 0,
    retry: false,
    queryFn: async () => {
      const result = await contactBehaviorAction({ contactId });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
  });
  const test = useMutation({
    mutationFn: async () => {
      const result = await testEventAction({ contactId });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: () => void behavior.refetch(),
  });
  const data = behavior.data;

  return (
    <Card aria-labelledby="behavior-title">
      <CardTitle id="behavior-title">Behaviour in Intercom</CardTitle>
      <CardDescription>The last data events Tailor sent to this contact, and the behaviour fields&apos; current values in Tailor.</CardDescription>
      {behavior.isError ? <Alert tone="error">{behavior.error.message}</Alert> : null}
      {data ? (
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="behavior-events-title">
            <h3 id="behavior-events-title" className="text-sm font-semibold">
              Last events
            </h3>
            {data.events.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-600">No data events for this contact yet.</p>
            ) : (
              <ul className="mt-2 divide-y divide-zinc-100 text-sm">
                {data.events.map((e) => (
                  <li key={e.id} className="py-2">
                    <p>
                      <span className="font-mono font-medium">{e.eventName}</span> · {when(e.createdAt)} ·{" "}
                      <span className={e.status === "done" ? "text-emerald-700" : "text-amber-800"}>
                        {e.status}
                        {e.intercomStatus ? ` (${e.intercomStatus})` : ""}
                        {e.errorCode ? `, ${e.errorCode}` : ""}
                      </span>
                    </p>
                    <p className="break-all font-mono text-xs text-zinc-600">{JSON.stringify(e.metadata)}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="behavior-fields-title">
            <h3 id="behavior-fields-title" className="text-sm font-semibold">
              Behaviour fields
            </h3>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {data.fields.map((f) => (
                <div key={f.field} className="contents">
                  <dt className="text-zinc-600">{f.label}</dt>
                  <dd className="font-mono">{f.value === null ? "—" : String(f.value)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      ) : behavior.isFetching ? (
        <p role="status" className="mt-3 text-sm text-zinc-600">
          Loading behaviour…
        </p>
      ) : null}
      {canWrite ? (
        <div className="mt-4 space-y-2 border-t border-zinc-200 pt-4">
          {blocked ? <p className="text-sm text-zinc-600">{blocked}</p> : null}
          <Button type="button" variant="secondary" onClick={() => test.mutate()} pending={test.isPending} disabled={Boolean(blocked)}>
            {test.isPending ? "Sending test event…" : "Send test event"}
          </Button>
          <div aria-live="polite">
            {test.data ? (
              <Alert tone={test.data.verified ? "success" : "error"}>
                {test.data.message} ({test.data.status ?? "no answer"}
                {test.data.errorCode ? `, ${test.data.errorCode}` : ""})
              </Alert>
            ) : null}
            {test.isError ? <Alert tone="error">{test.error.message}</Alert> : null}
          </div>
        </div>
      ) : null}
    </Card>
  );
}
