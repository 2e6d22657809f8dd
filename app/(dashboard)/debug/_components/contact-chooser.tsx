"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { LookupResult } from "@/lib/debug/types";
import { useDateStyle } from "@/components/date-style";
import { formatDateTime } from "./format";

type Several = Extract<LookupResult, { kind: "several" }>;

export function RoleBadge({ role }: { role: string }) {
  return <Badge tone={role === "user" ? "info" : "warning"}>{role === "user" ? "User" : role === "lead" ? "Lead" : role}</Badge>;
}

/** One email, several Intercom contacts: list them all, with the one the website would pick pre-selected. */
export function ContactChooser({ result, onChoose }: { result: Several; onChoose: (contactId: string) => void }) {
  const style = useDateStyle();
  const [chosen, setChosen] = useState(result.defaultId);
  return (
    <Card aria-labelledby="chooser-title">
      <CardTitle id="chooser-title">
        {result.matches.length} Intercom contacts have the email {result.query}
      </CardTitle>
      <CardDescription>
        Choose one to inspect. The website links visitors to the pre-selected one ({result.reason}).
      </CardDescription>
      <form
        className="mt-4"
        onSubmit={(e) => {
          e.preventDefault();
          onChoose(chosen);
        }}
      >
        <fieldset>
          <legend className="sr-only">Matching contacts</legend>
          <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
            {result.matches.map((m) => (
              <li key={m.id}>
                <label className="flex cursor-pointer items-start gap-3 px-3 py-2.5 text-sm hover:bg-zinc-50">
                  <input
                    type="radio"
                    name="contact"
                    value={m.id}
                    checked={chosen === m.id}
                    onChange={() => setChosen(m.id)}
                    className="mt-1"
                  />
                  <span className="flex min-w-0 flex-1 flex-col gap-0.5 sm:flex-row sm:items-center sm:gap-3">
                    <RoleBadge role={m.role} />
                    <span className="font-medium">{m.name ?? <em className="font-normal text-zinc-500">No name</em>}</span>
                    <span className="text-zinc-600">{m.email}</span>
                    <span className="text-xs text-zinc-500 sm:ml-auto">
                      Updated {formatDateTime(m.updatedAt, style)} · <code className="font-mono">{m.id}</code>
                    </span>
                  </span>
                  {m.id === result.defaultId ? <Badge tone="success">Website pick</Badge> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Button type="submit" className="mt-4">
          Open this contact
        </Button>
      </form>
    </Card>
  );
}
