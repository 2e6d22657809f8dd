"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { blankStep, STEP_TYPES, stepTypeLabels, type FlowStep, type StepType } from "@/lib/flows/schema";

export function AddStep({ disabled, onAdd }: { disabled: boolean; onAdd: (step: FlowStep) => void }) {
  const [type, setType] = useState<StepType>("question");
  return (
    <div className="mt-4 flex flex-wrap items-end gap-2 rounded-md border border-dashed border-zinc-300 p-3">
      <div className="w-48">
        <label htmlFor="new-step-type" className="mb-1.5 block text-sm font-medium text-zinc-800">
          New step type
        </label>
        <Select id="new-step-type" value={type} onChange={(e) => setType(e.target.value as StepType)}>
          {STEP_TYPES.map((t) => (
            <option key={t} value={t}>
              {stepTypeLabels[t]}
            </option>
          ))}
        </Select>
      </div>
      <Button type="button" variant="secondary" disabled={disabled} onClick={() => onAdd(blankStep(type))}>
        <Plus className="size-4" aria-hidden />
        Add step
      </Button>
      <p className="basis-full text-xs text-zinc-500">New steps go last. Link them from another step&apos;s branches or &ldquo;Otherwise go to&rdquo;.</p>
    </div>
  );
}
