import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatValue } from "@/lib/debug/plan";
import type { AttributeRow, DebugContactView, SyncLogView, TailorVisitor } from "@/lib/debug/types";
import { RoleBadge } from "./contact-chooser";
import { useDateStyle } from "@/components/date-style";
import { displayValue, formatDateTime } from "./format";

export function ContactDetails({ contact, pickedBecause }: { contact: DebugContactView; pickedBecause: string | null }) {
  const style = useDateStyle();
  return (
    <section aria-label="Contact" className="space-y-6">
      <Card aria-labelledby="contact-title">
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id="contact-title">{contact.name ?? contact.email ?? contact.id}</CardTitle>
          <RoleBadge role={contact.role} />
        </div>
        <CardDescription>
          Read from Intercom at {formatDateTime(contact.readAt, style)}
          {pickedBecause ? ` · ${pickedBecause}` : ""}
        </CardDescription>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Detail term="Intercom contact ID">
            <code className="font-mono">{contact.id}</code>
          </Detail>
          <Detail term="Role">{contact.role}</Detail>
          <Detail term="Email">{contact.email ?? "—"}</Detail>
          <Detail term="Name">{contact.name ?? "—"}</Detail>
          <Detail term="Created">{formatDateTime(contact.createdAt, style)}</Detail>
          <Detail term="Updated">{formatDateTime(contact.updatedAt, style)}</Detail>
        </dl>
        <h3 className="mt-5 text-sm font-medium">Tags</h3>
        {contact.tags.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-600">No tags.</p>
        ) : (
          <ul aria-label="Intercom tags" className="mt-2 flex flex-wrap gap-1.5">
            {contact.tags.map((t) => (
              <li key={t.id}>
                <Badge>{t.name}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="attributes-title">
        <CardTitle id="attributes-title">Attributes</CardTitle>
        <CardDescription>Types come from Intercom&apos;s attribute list. Mapped attributes show the Tailor segment group that writes them.</CardDescription>
        <h3 className="mb-2 mt-4 text-sm font-medium">Standard</h3>
        <AttributeTable label="Standard attributes" rows={contact.standardAttributes} />
        <h3 className="mb-2 mt-5 text-sm font-medium">Custom</h3>
        {contact.customAttributes.length === 0 ? (
          <p className="text-sm text-zinc-600">This Intercom workspace has no custom contact attributes.</p>
        ) : (
          <AttributeTable label="Custom attributes" rows={contact.customAttributes} showNotes />
        )}
      </Card>

      <Card aria-labelledby="tailor-title">
        <CardTitle id="tailor-title">What Tailor knows</CardTitle>
        <CardDescription>Website visitors linked to this contact (by contact ID or email), their answers, and the sync log.</CardDescription>
        <Visitors visitors={contact.tailor.visitors} />
        <SyncLog log={contact.tailor.syncLog} />
      </Card>
    </section>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-zinc-500">{term}</dt>
      <dd className="break-words font-medium">{children}</dd>
    </div>
  );
}

function AttributeTable({ label, rows, showNotes = false }: { label: string; rows: AttributeRow[]; showNotes?: boolean }) {
  const style = useDateStyle();
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Type</TableHead>
          <TableHead>Value</TableHead>
          {showNotes ? <TableHead>Notes</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.name}>
            <TableCell className="font-mono text-xs">{row.name}</TableCell>
            <TableCell className="text-zinc-600">{row.dataType ?? "unknown"}</TableCell>
            <TableCell className="max-w-xs break-words">
              {row.value === undefined ? <span className="text-zinc-500">not set</span> : displayValue(row.value, row.dataType, style)}
            </TableCell>
            {showNotes ? (
              <TableCell>
                <span className="flex flex-wrap gap-1">
                  {row.mappedFrom.map((g) => (
                    <Badge key={g} tone="info">
                      Mapped from {g}
                    </Badge>
                  ))}
                  {row.archived ? <Badge tone="warning">Archived</Badge> : null}
                  {!row.archived && !row.apiWritable && row.dataType ? <Badge>Read-only via API</Badge> : null}
                  {row.dataType === null ? <Badge tone="warning">Not in the attribute list</Badge> : null}
                </span>
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Visitors({ visitors }: { visitors: TailorVisitor[] }) {
  const style = useDateStyle();
  if (visitors.length === 0) {
    return <p className="mt-4 text-sm text-zinc-600">No website visitor is linked to this contact yet.</p>;
  }
  return (
    <ul aria-label="Linked visitors" className="mt-4 space-y-3">
      {visitors.map((v) => (
        <li key={v.id} className="rounded-md border border-zinc-200 p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Visitor {v.anonymousId}</span>
            <Badge>linked by {v.linkedBy}</Badge>
            <span className="text-xs text-zinc-500">last seen {formatDateTime(v.lastSeenAt, style)}</span>
          </p>
          {v.linkReason ? <p className="mt-1 text-xs text-zinc-600">Link: {v.linkReason}</p> : null}
          {v.answers.length === 0 ? (
            <p className="mt-1 text-zinc-600">No answers.</p>
          ) : (
            <ul className="mt-1 space-y-0.5">
              {v.answers.map((a) => (
                <li key={a.question}>
                  {a.group}: <strong>{a.segments.join(", ")}</strong>{" "}
                  <span className="text-xs text-zinc-500">
                    (question {a.question}, {formatDateTime(a.answeredAt, style)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function SyncLog({ log }: { log: SyncLogView }) {
  const style = useDateStyle();
  return (
    <div className="mt-5 space-y-3 text-sm">
      <h3 className="font-medium">Pending writes</h3>
      {log.pending.length === 0 ? (
        <p className="text-zinc-600">Nothing waiting to be written to Intercom.</p>
      ) : (
        <ul className="space-y-1">
          {log.pending.map((p, i) => (
            <li key={`${p.attribute}-${i}`}>
              <code className="font-mono text-xs">{p.attribute}</code> → {formatValue(p.value)}{" "}
              <span className="text-xs text-zinc-500">
                ({p.status}, since {formatDateTime(p.since, style)}, {p.attempts} {p.attempts === 1 ? "attempt" : "attempts"})
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="font-medium">Last syncs</h3>
      {log.recent.length === 0 ? (
        <p className="text-zinc-600">No sync to Intercom recorded for this contact.</p>
      ) : (
        <ul className="space-y-1">
          {log.recent.map((r, i) => (
            <li key={`${r.at}-${i}`}>
              {formatDateTime(r.at, style)}: <strong>{r.outcome}</strong>
              {r.attributes.length > 0 ? ` (${r.attributes.join(", ")})` : ""}
              {r.note ? <span className="text-zinc-600"> · {r.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
