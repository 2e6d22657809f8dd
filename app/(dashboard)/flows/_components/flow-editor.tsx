"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FormProvider, useFieldArray, useWatch, type Path } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { saveFlowAction, deleteFlowAction } from "@/lib/flows/actions";
import { buildOutline, questionMap, type QuestionOption } from "@/lib/flows/builder-outline";
import { flowSchema, MAX_STEPS, type FlowDraft, type FlowInput, type FlowStep } from "@/lib/flows/schema";
import { validateFlow } from "@/lib/flows/validate";
import { IntercomCatalogueProvider } from "@/components/rules/catalogue-context";
import type { RuleAttributeOption, RuleSegmentGroupOption } from "@/components/rules/rule-builder";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import type { IntercomCatalogue } from "@/lib/rules/references";
import { AddStep } from "./add-step";
import { DeleteDraftButton } from "@/components/publishing/delete-draft-button";
import { FlowOutline } from "./flow-outline";
import { FlowSettings } from "./flow-settings";
import { focusStep } from "./focus-step";
import { StepCard } from "./step-card";
import { ValidationPanel } from "./validation-panel";

export type BuilderOptions = { questions: QuestionOption[]; attributes: RuleAttributeOption[]; segmentGroups: RuleSegmentGroupOption[]; catalogue: IntercomCatalogue };

export function FlowEditor({ id, initial, canEdit, options }: { id: string; initial: FlowInput; canEdit: boolean; options: BuilderOptions }) {
  const router = useRouter();
  const form = useForm<FlowInput, unknown, FlowDraft>({ resolver: zodResolver(flowSchema), defaultValues: initial });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "steps" });
  const { errors, isSubmitting, isDirty } = form.formState;

  // Validation runs on what is in the editor now, saved or not.
  const watchedSteps = useWatch({ control: form.control, name: "steps" });
  const steps = useMemo(() => (watchedSteps ?? []) as FlowStep[], [watchedSteps]);
  const enabled = useWatch({ control: form.control, name: "enabled" });
  const questions = useMemo(() => questionMap(options.questions), [options.questions]);
  const problems = useMemo(() => validateFlow({ steps }, questions), [steps, questions]);
  const outline = useMemo(() => buildOutline(steps, problems, questions), [steps, problems, questions]);

  async function onSubmit(values: FlowDraft) {
    const result = await saveFlowAction({ id, flow: values });
    if (!result.ok) {
      // The action names fields from its input ({ id, flow }): "flow.steps.0.title" is "steps.0.title" here.
      for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
        if (path.startsWith("flow.")) form.setError(path.slice(5) as Path<FlowInput>, { type: "server", message });
      }
      form.setError("root.server", { type: "server", message: result.message });
      return;
    }
    const left = validateFlow(values, questions).length;
    const problems = left === 0 ? "Publish to make it live." : `${left === 1 ? "1 problem" : `${left} problems`} to fix before it can be published.`;
    if (result.data.warnings.length > 0) {
      toast.error("Saved (draft), but Intercom doesn't have everything it names.", { description: [...result.data.warnings, problems].join(" · ") });
    } else {
      toast.success("Saved (draft)", { description: problems });
    }
    form.reset(values, { keepDefaultValues: false });
    router.refresh();
  }

  function addStep(step: FlowStep) {
    append(step);
    requestAnimationFrame(() => focusStep(step.id));
  }

  return (
    <IntercomCatalogueProvider catalogue={options.catalogue} attributes={options.attributes}>
    <FormProvider {...form}>
      <UnsavedChangesGuard when={canEdit && isDirty && !isSubmitting} />
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Edit flow" className="space-y-6">
        {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
        {!canEdit ? <Alert>You can view this flow and its analytics. An owner, admin or marketer can change it.</Alert> : null}
        <fieldset disabled={!canEdit || isSubmitting} className="min-w-0 space-y-6">
          <FlowSettings canEdit={canEdit} attributes={options.attributes} segmentGroups={options.segmentGroups} />

          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
            <Card aria-labelledby="steps-title" compact className="min-w-0 sm:p-5">
              <CardTitle id="steps-title">Steps</CardTitle>
              <CardDescription>
                Visitors start at step 1 and move one step at a time. At each step the first branch whose rule matches decides where they go next;
                otherwise they follow &ldquo;Otherwise go to&rdquo;.
              </CardDescription>
              <ol className="mt-4 space-y-4">
                {fields.map((field, index) => (
                  <li key={field.id}>
                    <StepCard
                      index={index}
                      count={fields.length}
                      steps={steps}
                      node={outline[index]}
                      canEdit={canEdit}
                      options={options}
                      questions={questions}
                      onMove={(to) => {
                        move(index, to);
                        requestAnimationFrame(() => focusStep(steps[index]!.id));
                      }}
                      onRemove={() => remove(index)}
                    />
                  </li>
                ))}
              </ol>
              {errors.steps?.message || errors.steps?.root?.message ? (
                <p className="mt-3 text-sm text-red-700">{errors.steps?.message ?? errors.steps?.root?.message}</p>
              ) : null}
              {canEdit ? <AddStep disabled={fields.length >= MAX_STEPS} onAdd={addStep} /> : null}
            </Card>

            <aside aria-label="Checks and outline" className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:self-start lg:overflow-y-auto">
              <ValidationPanel problems={problems} enabled={Boolean(enabled)} />
              <FlowOutline nodes={outline} />
            </aside>
          </div>
        </fieldset>

        {canEdit ? (
          <div className="sticky bottom-0 z-10 -mx-4 flex items-center gap-2 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur md:-mx-8 md:px-8">
            <Button type="submit" pending={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save draft"}
            </Button>
            <p className="hidden text-sm text-zinc-600 sm:block" aria-live="polite">
              {isDirty ? "Unsaved edits." : "Saved as draft; publish to make changes live."}
            </p>
            <div className="ml-auto">
              <DeleteDraftButton noun="flow" name={initial.name} listHref="/flows" onDelete={() => deleteFlowAction({ id })} />
            </div>
          </div>
        ) : null}
      </form>
    </FormProvider>
    </IntercomCatalogueProvider>
  );
}
