import { LRUCache } from "lru-cache";
import type { EvaluationContext } from "./evaluate";
import { analyzeTemplate, decodedAttributeValue, isSafeUrl, type TemplateAnalysis } from "./html-policy";
import { renderMergeTags, type RenderOptions } from "./merge-tags";

// Published templates are few and reused on every decision: parse each once per process.
const analyses = new LRUCache<string, TemplateAnalysis>({ max: 2_000 });

function analysisOf(template: string): TemplateAnalysis {
  let analysis = analyses.get(template);
  if (!analysis) analyses.set(template, (analysis = analyzeTemplate(template)));
  return analysis;
}

const isSafe = (escapedValue: string) => isSafeUrl(decodedAttributeValue(escapedValue));

/** Renders personalization HTML with merge tags escaped for their place (text, attribute, URL). */
export function renderContent(template: string, context: EvaluationContext, options: Omit<RenderOptions, "contexts" | "plainText"> = {}) {
  if (!template.includes("{{")) return { html: template, tags: [] };
  const { blockedTagStarts, urlSpans } = analysisOf(template);
  return renderMergeTags(template, context, { ...options, contexts: { blockedTagStarts, urlSpans, isSafe } });
}
