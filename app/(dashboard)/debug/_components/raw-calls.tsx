"use client";

import { ClipboardCopy } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { buildDiagnosticReport, type DiagnosticInput } from "@/lib/debug/report";
import type { CallRecord } from "@/lib/debug/telemetry";
import { useDateStyle } from "@/components/date-style";
import { formatDateTime } from "./format";

type ReportSource = Omit<DiagnosticInput, "generatedAt" | "generatedBy"> & { viewer: string };

/** The last Intercom call as Tailor made it (token never included), and the diagnostic report. */
export function RawCalls({ calls, report }: { calls: CallRecord[]; report: ReportSource }) {
  const [fallback, setFallback] = useState<string | null>(null);
  // The call that answered the step (the contact read, the write), else the last one with an answer.
  const main = [...calls].reverse().find((c) => c.primary) ?? [...calls].reverse().find((c) => c.response !== null) ?? calls.at(-1);

  async function copy() {
    const { viewer, ...rest } = report;
    const json = JSON.stringify(buildDiagnosticReport({ ...rest, generatedAt: new Date(), generatedBy: viewer }), null, 2);
    try {
      await navigator.clipboard.writeText(json);
      setFallback(null);
      toast.success("Diagnostic report copied.");
    } catch {
      setFallback(json); // clipboard blocked: show it for copying by hand
    }
  }

  return (
    <Card aria-labelledby="raw-title">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <CardTitle id="raw-title">Last Intercom call</CardTitle>
          <CardDescription>What Tailor sent and what Intercom answered. The access token and Authorization header are never shown.</CardDescription>
        </div>
        <Button variant="secondary" onClick={copy} className="shrink-0">
          <ClipboardCopy className="size-4" aria-hidden />
          Copy diagnostic report
        </Button>
      </div>
      {main ? <CallView call={main} /> : <p className="mt-4 text-sm text-zinc-600">No call reached Intercom.</p>}
      {calls.length > 1 ? (
        <div className="mt-5 text-sm">
          <h3 className="font-medium">All {calls.length} calls of this step</h3>
          <ol className="mt-2 space-y-1">
            {calls.map((c, i) => (
              <li key={i}>
                <details>
                  <summary className="cursor-pointer font-mono text-xs">
                    {c.method} {c.path} → {c.status ?? "no response"} · {c.operation}
                  </summary>
                  <div className="ml-4 border-l border-zinc-200 pl-3">
                    <CallView call={c} nested />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {fallback ? (
        <div className="mt-4">
          <label htmlFor="report-fallback" className="text-sm font-medium">
            The browser blocked the clipboard. Copy the report from here:
          </label>
          <textarea id="report-fallback" readOnly value={fallback} className="mt-1 h-48 w-full rounded-md border border-zinc-300 p-2 font-mono text-xs" />
        </div>
      ) : null}
    </Card>
  );
}

function CallView({ call, nested = false }: { call: CallRecord; nested?: boolean }) {
  const style = useDateStyle();
  const rate = call.rateLimit;
  // Only the main call's parts are named regions; the expandable copies below would repeat the names.
  const Part = nested ? "div" : "section";
  return (
    <div className="mt-4 space-y-3 text-sm">
      <Part aria-label={nested ? undefined : "Request"}>
        <h3 className="font-medium">Request · {call.operation}</h3>
        <p className="mt-1 font-mono text-xs">
          {call.method} {call.path}
        </p>
        <p className="mt-0.5 text-xs text-zinc-500">Header Intercom-Version: 2.14 · Authorization omitted</p>
        {call.request ? <Json value={call.request} label="Request body" /> : null}
      </Part>
      <Part aria-label={nested ? undefined : "Response"}>
        <h3 className="flex flex-wrap items-center gap-2 font-medium">
          Response
          <Badge tone={call.status === null ? "danger" : call.status < 300 ? "success" : "danger"}>{call.status ?? "no response"}</Badge>
        </h3>
        <dl className="mt-1 grid gap-x-6 gap-y-1 text-xs sm:grid-cols-2">
          <div>
            <dt className="inline text-zinc-500">request_id: </dt>
            <dd className="inline font-mono">{call.requestId ?? "—"}</dd>
          </div>
          <div>
            <dt className="inline text-zinc-500">Rate limit: </dt>
            <dd className="inline">
              {rate.remaining ?? "?"} of {rate.limit ?? "?"} left{rate.resetAt ? `, window resets ${formatDateTime(rate.resetAt, style)}` : ""}
            </dd>
          </div>
          <div>
            <dt className="inline text-zinc-500">Took: </dt>
            <dd className="inline">{call.durationMs === null ? "—" : `${call.durationMs} ms`}</dd>
          </div>
          <div>
            <dt className="inline text-zinc-500">At: </dt>
            <dd className="inline">{formatDateTime(call.at, style)}</dd>
          </div>
        </dl>
        <Json value={call.response} label="Intercom's response (parsed)" />
      </Part>
    </div>
  );
}

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <figure className="mt-2">
      <figcaption className="text-xs font-medium text-zinc-600">{label}</figcaption>
      {/* tabIndex: a scrollable region must be reachable by keyboard */}
      <pre tabIndex={0} className="mt-1 max-h-72 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100">
        {JSON.stringify(value, null, 2)}
      </pre>
    </figure>
  );
}
