import { z } from "zod";
import { describeCondition, describeRule } from "@/lib/rules/describe";
import { evaluateRule, type EvaluationContext, type TraceNode, type TraceReason } from "@/lib/rules/evaluate";
import { extractMergeTags, type MergeTagProblem, type RenderedMergeTag } from "@/lib/rules/merge-tags";
import { renderContent } from "@/lib/rules/render-content";
import type { RuleNode } from "@/lib/rules/schema";
import { personalizationSchema, type PersonalizationDraft } from "./schema";

// The pure half of "Preview as a contact": which variant wins for a contact, why, and the HTML it
// renders. Kept free of the database and Intercom so it can be unit-tested and shared with the UI.

const CONTACT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const previewPersonalizationSchema = z.object({
  contact: z
    .string()
    .trim()
    .min(1, "Enter an email address or an Intercom contact id.")
    .max(255, "That is too long for an email or a contact id.")
    .refine((v) => (v.includes("@") ? z.email().safeParse(v).success : CONTACT_ID.test(v)), "Enter an email address or an Intercom contact id."),
  personalization: personalizationSchema,
});
export type PreviewPersonalizationInput = z.input<typeof previewPersonalizationSchema>;

export type PreviewIdentity = { email: string } | { intercomContactId: string };

/** An email if it has an @, otherwise an Intercom contact id. */
export function identityOf(contact: string): PreviewIdentity {
  const value = contact.trim();
  return value.includes("@") ? { email: value.toLowerCase() } : { intercomContactId: value };
}

export type TraceRow = {
  depth: number;
  kind: "group" | "condition";
  /** "has tag vip", or "All of these" for a group. */
  text: string;
  matched: boolean;
  /** JSON of what the condition looked at; absent for groups. */
  seen?: string;
  reason?: string;
};

export type PreviewVariant = { id: string; name: string; audience: string; matched: boolean; isWinner: boolean; rows: TraceRow[] };

export type PreviewOutcome = {
  /** null: no variant matched and the default content shows. */
  winner: { id: string; name: string } | null;
  variants: PreviewVariant[];
  /** Rendered with the contact's values, which are HTML-escaped; show it only in a sandboxed frame. */
  html: string;
  tags: RenderedMergeTag[];
  problems: MergeTagProblem[];
};

const reasonText: Record<TraceReason, string> = {
  intercom_unavailable: "no Intercom data for this visitor",
  skipped: "not checked: the group was already decided",
  missing: "the contact has no value",
  not_a_number: "the value is not a number",
  invalid_date: "the value is not a date",
  type_mismatch: "the value has another type",
  unknown_attribute: "unknown attribute",
  empty: "empty group",
};

function rowsOf(node: RuleNode, trace: TraceNode, depth: number): TraceRow[] {
  if (node.type === "group" && trace.kind === "group") {
    const head: TraceRow = {
      depth,
      kind: "group",
      text: node.combinator === "and" ? "All of these" : "Any of these",
      matched: trace.matched,
      ...(trace.reason ? { reason: reasonText[trace.reason] } : {}),
    };
    return [head, ...node.children.flatMap((child, i) => (trace.children[i] ? rowsOf(child, trace.children[i], depth + 1) : []))];
  }
  if (node.type !== "group" && trace.kind === "condition") {
    return [
      {
        depth,
        kind: "condition",
        text: describeCondition(node),
        matched: trace.matched,
        seen: JSON.stringify(trace.seen),
        ...(trace.reason ? { reason: reasonText[trace.reason] } : {}),
      },
    ];
  }
  return [];
}

/**
 * Evaluates every variant (not only up to the winner, so each one's trace can be shown); the first
 * match wins, as on the live site. Renders the winner's content, or the default.
 */
export function previewDraft(draft: PersonalizationDraft, context: EvaluationContext): PreviewOutcome {
  let winner: PreviewOutcome["winner"] = null;
  const variants = draft.variants.map((variant): PreviewVariant => {
    const { matched, trace } = evaluateRule(variant.rule, context);
    const isWinner = matched && winner === null;
    if (isWinner) winner = { id: variant.id, name: variant.name };
    return { id: variant.id, name: variant.name, audience: describeRule(variant.rule), matched, isWinner, rows: rowsOf(variant.rule, trace, 0) };
  });
  const chosen = winner as PreviewOutcome["winner"];
  const template = chosen ? (draft.variants.find((v) => v.id === chosen.id)?.html ?? "") : draft.defaultHtml;
  const { html, tags } = renderContent(template, context);
  return { winner: chosen, variants, html, tags, problems: extractMergeTags(template).problems };
}

/** The sandboxed preview document: no scripts, no network, only inline styles. */
export function previewDocument(html: string): string {
  return [
    "<!doctype html><html><head><meta charset=\"utf-8\">",
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
    "<style>body{font-family:ui-sans-serif,system-ui,sans-serif;font-size:14px;line-height:1.5;margin:12px;color:#18181b}</style>",
    "</head><body>",
    html,
    "</body></html>",
  ].join("");
}
