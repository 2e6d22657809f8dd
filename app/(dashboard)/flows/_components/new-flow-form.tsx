"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { useForm } from "@/components/ui/use-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { saveFlowAction } from "@/lib/flows/actions";
import { newFlowSchema, slugifyKey, starterFlow, type NewFlowInput } from "@/lib/flows/builder-new";
import type { QuestionOption } from "@/lib/flows/builder-outline";

export function NewFlowForm({ questions }: { questions: QuestionOption[] }) {
  const router = useRouter();
  const form = useForm<NewFlowInput>({
    resolver: zodResolver(newFlowSchema),
    defaultValues: { name: "", key: "", questionKey: questions[0]?.key ?? "" },
  });
  const { errors, isSubmitting, dirtyFields } = form.formState;
  const questionKey = useWatch({ control: form.control, name: "questionKey" });
  const chosen = questions.find((q) => q.key === questionKey);

  async function onSubmit(values: NewFlowInput) {
    const result = await saveFlowAction({ flow: starterFlow(values) });
    if (!result.ok) {
      for (const field of ["name", "key"] as const) {
        const message = result.fieldErrors?.[`flow.${field}`];
        if (message) form.setError(field, { type: "server", message });
      }
      form.setError("root.server", { type: "server", message: result.message });
      return;
    }
    toast.success(`Created “${values.name.trim()}” (draft)`);
    router.push(`/flows/${result.data.id}`);
    router.refresh();
  }

  const name = form.register("name");
  return (
    <Card className="max-w-2xl">
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="New flow" className="space-y-4">
        {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
        <fieldset disabled={isSubmitting} className="space-y-4">
          <FormField id="new-flow-name" label="Name" error={errors.name?.message}>
            <Input
              autoComplete="off"
              placeholder="Welcome survey"
              {...fieldAria("new-flow-name", { error: errors.name?.message })}
              {...name}
              onChange={(e) => {
                void name.onChange(e);
                // The key follows the name until the user edits it.
                if (!dirtyFields.key) form.setValue("key", slugifyKey(e.target.value));
              }}
            />
          </FormField>
          <FormField id="new-flow-key" label="Flow key" hint="Lowercase letters, digits, - and _. It names the flow in the snippet and in analytics." error={errors.key?.message}>
            <Input
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder="welcome-survey"
              {...fieldAria("new-flow-key", { error: errors.key?.message, hint: true })}
              {...form.register("key")}
            />
          </FormField>
          {questions.length > 0 ? (
            <FormField id="new-flow-question" label="First question" hint={chosen ? `Answers: ${chosen.answers.map((a) => a.label).join(", ")}` : undefined}>
              <Select {...fieldAria("new-flow-question", { hint: Boolean(chosen) })} {...form.register("questionKey")}>
                {questions.map((q) => (
                  <option key={q.key} value={q.key}>
                    {q.text} ({q.groupName})
                  </option>
                ))}
              </Select>
            </FormField>
          ) : (
            <Alert>This workspace has no questions yet, so the flow starts with a message. Add questions on the Segments page.</Alert>
          )}
          <p className="text-sm text-zinc-600">The flow starts as {questions.length > 0 ? "this question" : "a message"}, then an end step. It is off until you turn it on.</p>
        </fieldset>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create flow"}
        </Button>
      </form>
    </Card>
  );
}
