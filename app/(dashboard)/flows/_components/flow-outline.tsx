"use client";

import { Badge } from "@/components/ui/badge";
import type { OutlineNode, OutlineTarget } from "@/lib/flows/builder-outline";
import { cn } from "@/lib/utils";
import { focusStep } from "./focus-step";

/** The flow as a readable map: each step and where it leads. Lists and headings, so screen readers get it too. */
export function FlowOutline({ nodes }: { nodes: OutlineNode[] }) {
  return (
    <section aria-labelledby="outline-title" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="outline-title" className="text-sm font-semibold">
        Outline
      </h2>
      <ol className="mt-3 space-y-3" aria-label="Steps and where they lead">
        {nodes.map((node) => {
          const flagged = node.unreachable || node.inLoop;
          return (
            <li key={node.stepId} className={cn("rounded-md border-l-4 py-1 pl-3", flagged ? "border-amber-500 bg-amber-50/60" : node.isStart ? "border-brand-600" : "border-zinc-300")}>
              <h3 className="text-sm font-medium">
                <a
                  href={`#step-${node.stepId}`}
                  className="hover:underline"
                  onClick={(e) => {
                    e.preventDefault();
                    focusStep(node.stepId);
                  }}
                >
                  {node.label}
                </a>
              </h3>
              <p className="mt-0.5 flex flex-wrap gap-1">
                <Badge>{node.typeLabel}</Badge>
                {node.isStart ? <Badge tone="info">Start</Badge> : null}
                {node.unreachable ? <Badge tone="warning">Can&apos;t be reached</Badge> : null}
                {node.inLoop ? <Badge tone="warning">In a loop</Badge> : null}
              </p>
              {node.isEnd ? (
                <p className="mt-1 text-xs text-zinc-600">Finishes the flow.</p>
              ) : (
                <ul className="mt-1 space-y-0.5 text-xs text-zinc-700" aria-label={`Where ${node.label.replace(/ \(.*\)$/, "")} leads`}>
                  {node.edges.map((edge, i) => (
                    <li key={i} className="break-words">
                      <span className="text-zinc-500">{edge.label}</span> → <Target target={edge.target} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Target({ target }: { target: OutlineTarget }) {
  if (target.kind === "finish") return <span className="font-medium">Finish</span>;
  if (target.kind === "missing") return <span className="font-medium text-red-700">a deleted step</span>;
  return <span className="font-medium">{target.label}</span>;
}
