"use client";

import { Badge } from "@/components/ui/badge";
import { buildTree, type OutlineNode, type OutlineTarget, type TreeNode } from "@/lib/flows/builder-outline";
import { cn } from "@/lib/utils";
import { focusStep } from "./focus-step";

/**
 * The flow as a map of its paths: from the start, each branch nests the step it leads to (drawn the
 * first time it is reached; later branches point back to it). Nested lists and headings, so screen
 * readers get the same tree.
 */
export function FlowOutline({ nodes }: { nodes: OutlineNode[] }) {
  const { root, detached } = buildTree(nodes);
  return (
    <section aria-labelledby="outline-title" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="outline-title" className="text-sm font-semibold">
        Outline
      </h2>
      {root ? (
        <ul className="mt-3" aria-label="Paths from the start">
          <Node tree={root} />
        </ul>
      ) : null}
      {detached.length > 0 ? (
        <>
          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-amber-800">Not on any path</h3>
          <ul className="mt-2 space-y-2" aria-label="Steps not on any path">
            {detached.map((tree) => (
              <Node key={tree.node.stepId} tree={tree} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function StepLink({ node }: { node: OutlineNode }) {
  return (
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
  );
}

function Node({ tree }: { tree: TreeNode }) {
  const { node } = tree;
  const flagged = node.unreachable || node.inLoop;
  return (
    <li className="min-w-0">
      <div className={cn("rounded-md border-l-4 py-1 pl-3", flagged ? "border-amber-500 bg-amber-50/60" : node.isStart ? "border-brand-600" : "border-zinc-300")}>
        <h3 className="text-sm font-medium break-words">
          <StepLink node={node} />
        </h3>
        <p className="mt-0.5 flex flex-wrap gap-1">
          <Badge>{node.typeLabel}</Badge>
          {node.isStart ? <Badge tone="info">Start</Badge> : null}
          {node.unreachable ? <Badge tone="warning">Can&apos;t be reached</Badge> : null}
          {node.inLoop ? <Badge tone="warning">In a loop</Badge> : null}
        </p>
        {node.isEnd ? <p className="mt-1 text-xs text-zinc-600">Finishes the flow.</p> : null}
      </div>
      {node.isEnd ? null : (
        <ul className="mt-1 ml-2 space-y-1 border-l border-dashed border-zinc-300 pl-3 text-xs text-zinc-700" aria-label={`Where ${node.label.replace(/ \(.*\)$/, "")} leads`}>
          {tree.edges.map((branch, i) => (
            <li key={i} className="break-words">
              <p>
                <span className="text-zinc-500">{branch.edge.label}</span> → <Target target={branch.edge.target} />
                {branch.shownAbove ? <span className="text-zinc-500"> (shown above)</span> : null}
                {branch.loopsBack ? <span className="font-medium text-amber-800"> (loops back)</span> : null}
              </p>
              {branch.child ? (
                <ul className="mt-1">
                  <Node tree={branch.child} />
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Target({ target }: { target: OutlineTarget }) {
  if (target.kind === "finish") return <span className="font-medium">Finish</span>;
  if (target.kind === "missing") return <span className="font-medium text-red-700">a deleted step</span>;
  return <span className="font-medium">{target.label}</span>;
}
