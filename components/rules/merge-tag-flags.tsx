"use client";

import { useMemo } from "react";
import { describeReferenceProblem, templateReferenceProblems, type ReferenceProblem } from "@/lib/rules/references";
import { useIntercomCatalogue } from "./catalogue-context";

/** Merge tags in a template that name an attribute Intercom doesn't have. */
export function useMergeTagReferenceProblems(template: string): ReferenceProblem[] {
  const catalogue = useIntercomCatalogue();
  return useMemo(() => templateReferenceProblems(template, catalogue), [template, catalogue]);
}

/** Lists them under the field: they render their fallback, or nothing. */
export function MergeTagFlags({ id, problems }: { id: string; problems: ReferenceProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="space-y-0.5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
      {problems.map((p) => (
        <li key={p.name}>
          <span className="font-medium">Not in Intercom:</span> {describeReferenceProblem(p)}; it renders its fallback, or nothing.
        </li>
      ))}
    </ul>
  );
}
