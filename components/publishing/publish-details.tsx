"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ChangeList } from "./change-list";
import { IntercomReferences } from "./intercom-references";

/** The review-and-publish dialog's body: what blocks publishing, the Intercom check, the changes. Loaded when the dialog opens. */
export function PublishDetails({ changes, blockers }: { changes: string[]; blockers: string[] }) {
  return (
    <>
      {blockers.length > 0 ? (
        <Alert tone="error" className="mt-4">
          <p className="font-medium">Fix these before publishing</p>
          <ul className="list-disc space-y-1 pl-5" aria-label="Problems to fix">
            {blockers.map((line, i) => (
              <li key={i} className="break-words">
                {line}
              </li>
            ))}
          </ul>
          {blockers.some((line) => line.startsWith("Field mapping")) ? (
            <Link href="/integrations/intercom/mapping" className="mt-2 inline-block font-medium underline">
              Fix field mappings →
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <IntercomReferences />
      <ChangeList changes={changes} label="Changes to publish" className="mt-4 max-h-[50dvh] list-disc space-y-1.5 overflow-y-auto pl-5 text-sm text-zinc-800" />
    </>
  );
}
