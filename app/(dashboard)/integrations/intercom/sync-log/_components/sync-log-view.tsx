"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useDeferredValue, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { queryKeys } from "@/lib/query-keys";
import { loadSyncLogAction, retrySyncJobAction } from "@/lib/sync/actions";
import type { SyncChartBucket, SyncLogEntry, SyncLogView as View } from "@/lib/sync/log";
import { useDateStyle } from "@/components/date-style";
import { formatDateTime, type DateStyle } from "@/lib/format";
import { EmptyState } from "@/components/empty-state";

const IDENTIFIED_BY_TEXT = {
  verified: "Verified identity (signed by your server)",
  policy_off: "Unverified identity (verification was off)",
  unverified: "Unverified identity",
} as const;

type Status = SyncLogEntry["status"];

const statusLabels: Record<Status, string> = {
  pending: "Pending",
  waiting_identification: "Waiting for identification",
  running: "Running",
  done: "Done",
  failed: "Failed",
  dead: "Dead-lettered",
  paused: "Paused",
};
const statusTone: Record<Status, "neutral" | "success" | "warning" | "danger" | "info"> = {
  pending: "info",
  waiting_identification: "neutral",
  running: "info",
  done: "success",
  failed: "danger",
  dead: "danger",
  paused: "warning",
};
const periodLabels = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" } as const;
type Period = keyof typeof periodLabels;

type Filter = { status: "all" | Status; contact: string; attribute: string; period: Period };
const defaultFilter: Filter = { status: "all", contact: "", attribute: "", period: "24h" };

function time(iso: string, style: DateStyle) {
  return formatDateTime(iso, { seconds: true, style });
}
function ms(value: number | null) {
  if (value === null) return "—";
  return value < 1000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`;
}
function valueText(v: unknown) {
  return v === null ? "(cleared)" : JSON.stringify(v);
}

export function SyncLogView({ initial, canRetry }: { initial: View; canRetry: boolean }) {
  const [filter, setFilter] = useState<Filter>(defaultFilter);
  // Typing in the text filters shouldn't fire a request per keystroke.
  const deferred = useDeferredValue(filter);
  const isDefault = JSON.stringify(deferred) === JSON.stringify(defaultFilter);
  const queryClient = useQueryClient();

  const log = useQuery({
    queryKey: queryKeys.sync.log(deferred),
    queryFn: async () => {
      const result = await loadSyncLogAction(deferred);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    initialData: isDefault ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });

  const retry = useMutation({
    mutationFn: async (jobId: string) => {
      const result = await retrySyncJobAction({ jobId });
      if (!result.ok) throw new Error(result.message);
    },
    onSuccess: () => {
      toast.success("Queued again. It will be written within a few seconds.");
      void queryClient.invalidateQueries({ queryKey: queryKeys.sync.all });
    },
    onError: (error) => toast.error(error.message),
  });

  const view = log.data;
  const set = <K extends keyof Filter>(key: K, value: Filter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  return (
    <div className="space-y-4">
      <form className="grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="space-y-1">
          <Label htmlFor="sync-status">Status</Label>
          <Select id="sync-status" value={filter.status} onChange={(e) => set("status", e.target.value as Filter["status"])}>
            <option value="all">All statuses</option>
            {(Object.keys(statusLabels) as Status[]).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1 lg:col-span-2">
          <Label htmlFor="sync-contact">Contact email or ID</Label>
          <Input id="sync-contact" type="search" placeholder="ada@example.com" value={filter.contact} onChange={(e) => set("contact", e.target.value)} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="sync-attribute">Attribute</Label>
          <Input id="sync-attribute" type="search" placeholder="tailor_role" value={filter.attribute} onChange={(e) => set("attribute", e.target.value)} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="sync-period">Time</Label>
          <Select id="sync-period" value={filter.period} onChange={(e) => set("period", e.target.value as Period)}>
            {(Object.keys(periodLabels) as Period[]).map((p) => (
              <option key={p} value={p}>
                {periodLabels[p]}
              </option>
            ))}
          </Select>
        </div>
      </form>

      {log.error ? (
        <Alert tone="error">
          {log.error.message}{" "}
          <Button variant="link" size="sm" onClick={() => void log.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}

      {view ? (
        <>
          <div className="grid gap-4 lg:grid-cols-[1fr_minmax(0,28rem)]">
            <Counts counts={view.counts} onPick={(s) => set("status", s)} />
            <Chart buckets={view.chart} period={view.period} />
          </div>
          <div className="flex items-center justify-between text-sm text-zinc-600">
            <p aria-live="polite">
              {log.isFetching ? "Refreshing…" : `${view.entries.length}${view.truncated ? "+" : ""} ${view.entries.length === 1 ? "entry" : "entries"}`}
            </p>
            <Button variant="secondary" size="sm" onClick={() => void log.refetch()} pending={log.isFetching}>
              Refresh
            </Button>
          </div>
          {view.entries.length === 0 ? (
            <EmptyState title="No writes match these filters">Writes appear here when an identified visitor answers a mapped question.</EmptyState>
          ) : (
            <Entries entries={view.entries} canRetry={canRetry} onRetry={(id) => retry.mutate(id)} retrying={retry.isPending ? retry.variables : undefined} />
          )}
        </>
      ) : null}
    </div>
  );
}

function Counts({ counts, onPick }: { counts: View["counts"]; onPick: (s: Status) => void }) {
  return (
    <section aria-label="Counts by status" className="rounded-lg border border-zinc-200 bg-white p-4">
      <ul className="flex flex-wrap gap-2">
        {(Object.keys(statusLabels) as Status[]).map((s) => (
          <li key={s}>
            <button type="button" onClick={() => onPick(s)} className="rounded-md px-2 py-1 text-left hover:bg-zinc-50">
              <span className="block text-xl font-semibold tabular-nums">{counts[s]}</span>
              <span className="text-xs text-zinc-600">{statusLabels[s]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Chart({ buckets, period }: { buckets: SyncChartBucket[]; period: Period }) {
  const style = useDateStyle();
  const max = Math.max(1, ...buckets.map((b) => b.writes + b.failures));
  const writes = buckets.reduce((n, b) => n + b.writes, 0);
  const failures = buckets.reduce((n, b) => n + b.failures, 0);
  const w = 12;
  const gap = 3;
  const h = 64;
  return (
    <figure className="rounded-lg border border-zinc-200 bg-white p-4">
      <figcaption className="mb-2 flex items-center gap-3 text-xs text-zinc-600">
        <span>{periodLabels[period]}:</span>
        <span className="inline-flex items-center gap-1">
          <span className="size-2 rounded-sm bg-emerald-500" aria-hidden /> {writes} writes
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="size-2 rounded-sm bg-red-500" aria-hidden /> {failures} failed attempts
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${buckets.length * (w + gap)} ${h}`} className="h-16 w-full" role="img" aria-label={`${writes} writes and ${failures} failed attempts, ${periodLabels[period].toLowerCase()}`} preserveAspectRatio="none">
        {buckets.map((b, i) => {
          const okH = (b.writes / max) * h;
          const failH = (b.failures / max) * h;
          return (
            <g key={b.start}>
              <title>{`${time(b.start, style)}: ${b.writes} writes, ${b.failures} failed attempts`}</title>
              <rect x={i * (w + gap)} y={h - okH} width={w} height={okH} className="fill-emerald-500" />
              <rect x={i * (w + gap)} y={h - okH - failH} width={w} height={failH} className="fill-red-500" />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

// A table from md up (six columns that fit the page at 1440 px), stacked rows below it: each cell
// becomes a labelled line, so nothing is cut off or needs sideways scrolling at 390 px.
const stack = { row: "block border-b border-zinc-100 py-2 md:table-row md:py-0", cell: "block px-4 py-1 md:table-cell md:py-3" };
function CellLabel({ children }: { children: string }) {
  return <span className="mb-0.5 block text-xs font-medium uppercase tracking-wide text-zinc-500 md:hidden">{children}</span>;
}

function Entries({ entries, canRetry, onRetry, retrying }: { entries: SyncLogEntry[]; canRetry: boolean; onRetry: (id: string) => void; retrying?: string }) {
  const style = useDateStyle();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table className="block md:table">
      <TableHeader className="hidden md:table-header-group">
        <TableRow>
          <TableHead>Updated</TableHead>
          <TableHead>Contact</TableHead>
          <TableHead>Values</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Timing</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className="block md:table-row-group">
        {entries.map((e) => {
          const shown = e.sentValues ?? e.values;
          const canRetryThis = canRetry && (e.status === "failed" || e.status === "dead");
          return (
            <Fragment key={e.id}>
              <TableRow data-testid="sync-entry" className={stack.row}>
                <TableCell className={`${stack.cell} text-xs text-zinc-600 md:whitespace-nowrap`}>
                  <CellLabel>Updated</CellLabel>
                  {time(e.finishedAt ?? e.createdAt, style)}
                </TableCell>
                <TableCell className={`${stack.cell} [overflow-wrap:anywhere]`}>
                  <CellLabel>Contact</CellLabel>
                  <div className="font-medium">{e.contactEmail ?? "Anonymous visitor"}</div>
                  <div className="font-mono text-xs text-zinc-500">{e.contactId ?? "no Intercom contact yet"}</div>
                  {e.identifiedBy ? <div className="text-xs text-zinc-600">{IDENTIFIED_BY_TEXT[e.identifiedBy]}</div> : null}
                </TableCell>
                <TableCell className={`${stack.cell} [overflow-wrap:anywhere]`}>
                  <CellLabel>Values</CellLabel>
                  {e.eventName ? (
                    <div className="text-xs">
                      Event <span className="font-mono font-medium">{e.eventName}</span>
                      {e.eventCreatedAt ? <span className="text-zinc-500"> at {time(new Date(e.eventCreatedAt * 1000).toISOString(), style)}</span> : null}
                      {Object.keys(shown).length > 0 ? <span className="text-zinc-500">, metadata:</span> : null}
                    </div>
                  ) : null}
                  <dl className="space-y-0.5 text-xs">
                    {Object.entries(shown).map(([k, v]) => (
                      <div key={k} className="flex flex-wrap gap-x-1">
                        <dt className="font-mono text-zinc-600">{k}</dt>
                        <dd className="min-w-0 font-mono">= {valueText(v)}</dd>
                      </div>
                    ))}
                  </dl>
                  <span className="text-xs text-zinc-500">{e.sentValues ? "sent" : "to send"}</span>
                </TableCell>
                <TableCell className={`${stack.cell} text-xs md:max-w-64 [overflow-wrap:anywhere]`}>
                  <CellLabel>Status</CellLabel>
                  <Badge tone={statusTone[e.status]} className="whitespace-nowrap">
                    {statusLabels[e.status]}
                  </Badge>
                  {e.kind !== "sync" ? (
                    <div className="mt-1 text-zinc-500">{e.kind === "backfill" ? "Backfill" : e.kind === "event" ? "Data event" : e.eventName ? "Test event" : "Test write"}</div>
                  ) : null}
                  <div className="mt-1 text-zinc-600">
                    {e.attempts} {e.attempts === 1 ? "attempt" : "attempts"}
                    {e.intercomStatus ? <span className="font-mono"> · HTTP {e.intercomStatus}</span> : null}
                  </div>
                  {e.errorCode ? <div className={e.status === "done" ? "font-mono text-zinc-600" : "font-mono text-red-700"}>{e.errorCode}</div> : null}
                  {e.errorMessage ? <div className="text-zinc-600">{e.errorMessage}</div> : null}
                </TableCell>
                <TableCell className={`${stack.cell} text-xs text-zinc-600 md:whitespace-nowrap`}>
                  <CellLabel>Timing</CellLabel>
                  <div>total {ms(e.totalMs)}</div>
                  {e.log.length ? <div>last call {ms(e.log.at(-1)!.durationMs)}</div> : null}
                  {e.status === "pending" || e.status === "paused" ? <div>next {time(e.nextRunAt, style)}</div> : null}
                </TableCell>
                <TableCell className={`${stack.cell} md:text-right`}>
                  <div className="flex flex-wrap gap-2 md:flex-col md:items-end">
                    {e.log.length ? (
                      <Button variant="ghost" size="sm" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                        {open === e.id ? "Hide calls" : "Calls"}
                      </Button>
                    ) : null}
                    {canRetryThis ? (
                      <Button variant="secondary" size="sm" onClick={() => onRetry(e.id)} pending={retrying === e.id}>
                        Retry
                      </Button>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
              {open === e.id ? (
                <TableRow className="block md:table-row">
                  <TableCell colSpan={6} className="block bg-zinc-50 [overflow-wrap:anywhere] md:table-cell">
                    <ol className="space-y-1 text-xs">
                      {e.log.map((a, i) => (
                        <li key={i} className="font-mono">
                          {time(a.startedAt, style)} · {a.operation === "read" ? "GET contact" : "PUT contact"} · {a.httpStatus ? `HTTP ${a.httpStatus}` : "no answer"} · {a.outcome}
                          {a.errorCode ? ` · ${a.errorCode}` : ""} · {ms(a.durationMs)}
                          {a.errorMessage ? <span className="font-sans text-zinc-600"> — {a.errorMessage}</span> : null}
                        </li>
                      ))}
                    </ol>
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
