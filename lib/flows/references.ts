import { ruleReferenceProblems, templateReferenceProblems, type IntercomCatalogue, type ReferenceLine } from "@/lib/rules/references";
import type { FlowDraft } from "./schema";

/** Each audience, branch and step text of these flows naming a tag or attribute Intercom doesn't have. */
export function flowReferenceLines(flows: FlowDraft[], catalogue: IntercomCatalogue): ReferenceLine[] {
  return flows.flatMap((f) => [
    ...ruleReferenceProblems(f.audience, catalogue).map((problem) => ({ where: `Flow "${f.name}" audience`, problem })),
    ...f.steps.flatMap((step, index) => {
      const where = `Flow "${f.name}", step ${index + 1}`;
      const text = step.type === "question" ? "" : `${step.title}\n${step.body}`;
      const branches = step.type === "end" ? [] : step.branches;
      return [
        ...templateReferenceProblems(text, catalogue).map((problem) => ({ where: `${where} text`, problem })),
        ...branches.flatMap((b, i) => ruleReferenceProblems(b.rule, catalogue).map((problem) => ({ where: `${where}, branch ${i + 1}`, problem }))),
      ];
    }),
  ]);
}
