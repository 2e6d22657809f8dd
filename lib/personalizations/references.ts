import { ruleReferenceProblems, templateReferenceProblems, type IntercomCatalogue, type ReferenceLine } from "@/lib/rules/references";
import type { PersonalizationDraft } from "./schema";

/** Each audience and content of these personalizations naming a tag or attribute Intercom doesn't have. */
export function personalizationReferenceLines(personalizations: PersonalizationDraft[], catalogue: IntercomCatalogue): ReferenceLine[] {
  return personalizations.flatMap((p) => [
    ...p.variants.flatMap((v) => [
      ...ruleReferenceProblems(v.rule, catalogue).map((problem) => ({ where: `Personalization "${p.name}", variant "${v.name}" audience`, problem })),
      ...templateReferenceProblems(v.html, catalogue).map((problem) => ({ where: `Personalization "${p.name}", variant "${v.name}" content`, problem })),
    ]),
    ...templateReferenceProblems(p.defaultHtml, catalogue).map((problem) => ({ where: `Personalization "${p.name}", default content`, problem })),
  ]);
}
