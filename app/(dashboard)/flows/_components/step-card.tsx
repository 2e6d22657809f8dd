"use client";

import { AlertTriangle, ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useFormContext } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { OutlineNode } from "@/lib/flows/builder-outline";
import type { FlowInput, FlowStep } from "@/lib/flows/schema";
import type { KnownQuestions } from "@/lib/flows/validate";
import { cn } from "@/lib/utils";
import type { BuilderOptions } from "./flow-editor";
import { StepContentFields } from "./step-content-fields";
import { StepRouting } from "./step-routing";

export function StepCard({
  index,
  count,
  steps,
  node,
  canEdit,
  options,
  questions,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  /** Every step as edited now, for the "go to" choices. */
  steps: FlowStep[];
  node: OutlineNode | undefined;
  canEdit: boolean;
  options: BuilderOptions;
  questions: KnownQuestions;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { getValues } = useFormContext<FlowInput>();
  const step = steps[index] ?? (getValues(`steps.${index}`) as FlowStep);
  const title = `Step ${index + 1}`;
  const problems = node?.problems ?? [];
  const base = `step-${step.id}`;

  return (
    <section
      id={base}
      aria-labelledby={`${base}-title`}
      className={cn("scroll-mt-4 rounded-lg border bg-white p-4", problems.length > 0 ? "border-amber-300 ring-1 ring-amber-200" : "border-zinc-200")}
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h3 id={`${base}-title`} tabIndex={-1} className="min-w-0 flex-1 rounded font-semibold focus-visible:outline-2 focus-visible:outline-brand-600">
          {title}: {node?.typeLabel}
          {index === 0 ? <span className="ml-2 align-middle text-xs font-normal text-zinc-500"> (start)</span> : null}
        </h3>
        {problems.length > 0 ? (
          <Badge tone="warning">
            <AlertTriangle className="size-3" aria-hidden />
            {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
          </Badge>
        ) : null}
        {canEdit ? (
          <div className="flex items-center gap-1">
            <Button type="button" variant="ghost" size="icon" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={`Move ${title} up`}>
              <ArrowUp className="size-4" aria-hidden />
            </Button>
            <Button type="button" variant="ghost" size="icon" onClick={() => onMove(index + 1)} disabled={index === count - 1} aria-label={`Move ${title} down`}>
              <ArrowDown className="size-4" aria-hidden />
            </Button>
            <Button type="button" variant="dangerGhost" size="sm" onClick={onRemove} disabled={count === 1}>
              <Trash2 className="size-4" aria-hidden />
              Remove<span className="sr-only"> {title}</span>
            </Button>
          </div>
        ) : null}
      </div>
      {index === 0 ? (
        <p className="-mt-2 mb-3 text-xs text-zinc-500">
          The first step is where every visitor starts.{canEdit ? " Move another step up to start there instead." : ""}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="mb-3 space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" aria-label={`Problems in ${title}`}>
          {problems.map((p, i) => (
            <li key={`${p.kind}-${i}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="space-y-4">
        <StepContentFields index={index} step={step} questions={options.questions} />
        {step.type !== "end" ? (
          <StepRouting index={index} step={step} steps={steps} canEdit={canEdit} questions={questions} attributes={options.attributes} segmentGroups={options.segmentGroups} />
        ) : (
          <p className="text-sm text-zinc-600">The flow finishes here.</p>
        )}
      </div>
    </section>
  );
}
