"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { showServerErrors } from "@/lib/forms";
import { saveGoalAction } from "@/lib/analytics/actions";
import { GOAL_KIND_LABELS, saveGoalSchema, type SaveGoal, type SaveGoalInput } from "@/lib/analytics/goal-schema";

const targetField = {
  click: { label: "CSS selector", placeholder: "#start-trial, a.signup", hint: "A click on this element (or inside it) counts." },
  page_visit: { label: "Page path", placeholder: "/signup/*", hint: "A visit to this path counts; * stands for anything." },
  flow_completed: { label: "Flow key (optional)", placeholder: "welcome", hint: "Empty: any flow." },
  flow_cta: { label: "Flow key (optional)", placeholder: "welcome", hint: "Empty: any flow's call to action." },
  track: null,
} as const;

export function GoalForm({ flows }: { flows: { key: string; name: string }[] }) {
  const router = useRouter();
  const form = useForm<SaveGoalInput, unknown, SaveGoal>({ resolver: zodResolver(saveGoalSchema), defaultValues: { key: "", name: "", kind: "click", target: "" } });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "kind" });
  const key = useWatch({ control: form.control, name: "key" });
  const target = targetField[kind];

  async function onSubmit(values: SaveGoal) {
    const result = await saveGoalAction(values);
    if (!result.ok) return showServerErrors(form, result);
    toast.success(`Saved goal “${values.name}”.`);
    form.reset({ key: "", name: "", kind: values.kind, target: "" });
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Add goal" className="space-y-4">
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-2">
        <FormField id="goal-name" label="Name" error={errors.name?.message}>
          <Input autoComplete="off" placeholder="Started a trial" {...fieldAria("goal-name", { error: errors.name?.message })} {...form.register("name")} />
        </FormField>
        <FormField id="goal-key" label="Key" hint="Saving an existing key updates that goal." error={errors.key?.message}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" placeholder="start-trial" {...fieldAria("goal-key", { error: errors.key?.message, hint: true })} {...form.register("key")} />
        </FormField>
        <FormField id="goal-kind" label="Counts when" error={errors.kind?.message}>
          <Select {...fieldAria("goal-kind", { error: errors.kind?.message })} {...form.register("kind")}>
            {Object.entries(GOAL_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
        {target ? (
          <FormField id="goal-target" label={target.label} hint={target.hint} error={errors.target?.message}>
            {kind === "flow_completed" || kind === "flow_cta" ? (
              <Select {...fieldAria("goal-target", { error: errors.target?.message, hint: true })} {...form.register("target")}>
                <option value="">Any flow</option>
                {flows.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.name}
                  </option>
                ))}
              </Select>
            ) : (
              <Input autoComplete="off" spellCheck={false} className="font-mono" placeholder={target.placeholder} {...fieldAria("goal-target", { error: errors.target?.message, hint: true })} {...form.register("target")} />
            )}
          </FormField>
        ) : (
          <p className="self-end text-sm text-zinc-600">
            On your site: <code className="rounded bg-zinc-100 px-1 font-mono">{`tailor.track("${key?.trim() || "goal-key"}")`}</code>
          </p>
        )}
      </fieldset>
      <Button type="submit" pending={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save goal"}
      </Button>
    </form>
  );
}
