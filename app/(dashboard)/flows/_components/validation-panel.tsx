"use client";

import { AlertTriangle, CheckCircle2 } from "lucide-react";
import type { FlowProblem } from "@/lib/flows/validate";
import { focusStep } from "./focus-step";

/** Live checks of the flow in the editor; each problem links to its step. */
export function ValidationPanel({ problems, enabled }: { problems: FlowProblem[]; enabled: boolean }) {
  const ok = problems.length === 0;
  return (
    <section aria-labelledby="checks-title" className={ok ? "rounded-lg border border-emerald-200 bg-emerald-50 p-4" : "rounded-lg border border-amber-300 bg-amber-50 p-4"}>
      <h2 id="checks-title" className="flex items-center gap-2 text-sm font-semibold">
        {ok ? <CheckCircle2 className="size-4 text-emerald-700" aria-hidden /> : <AlertTriangle className="size-4 text-amber-700" aria-hidden />}
        Checks
      </h2>
      <p aria-live="polite" className="mt-1 text-sm">
        {ok ? "No problems: ready to publish." : `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix before publishing.`}
      </p>
      {ok ? null : (
        <>
          <ul className="mt-2 space-y-2 text-sm" aria-label="Problems">
            {problems.map((p, i) => (
              <li key={`${p.stepId}-${p.kind}-${i}`}>
                <a
                  href={`#step-${p.stepId}`}
                  className="text-amber-950 underline decoration-amber-400 underline-offset-2 hover:decoration-amber-700"
                  onClick={(e) => {
                    e.preventDefault();
                    focusStep(p.stepId);
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-amber-900">
            {enabled
              ? "This flow is on: it can't be published until these are fixed. You can still save the draft."
              : "Enabled flows with problems can't be published. While this flow is off, you can save and publish other changes."}
          </p>
        </>
      )}
    </section>
  );
}
