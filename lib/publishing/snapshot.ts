import type { DbOrTx } from "@/db/client";
import type { LongStringPolicy } from "@/lib/intercom-integration/mapping-rules";
import { listFlows } from "@/lib/flows/flows";
import type { FlowDraft } from "@/lib/flows/schema";
import { listMappings } from "@/lib/intercom-integration/mappings";
import { loadMappingSources } from "@/lib/intercom-integration/mapping-sources";
import { listPersonalizations } from "@/lib/personalizations/personalizations";
import type { PersonalizationDraft } from "@/lib/personalizations/schema";
import { describeRule } from "@/lib/rules/describe";
import { canonicalRule } from "@/lib/rules/schema";

/**
 * The published configuration: what the website runtime serves. Built from the draft rows; a
 * version stores it whole, so the live site never reads a half-edited draft.
 */
export type MappingSnapshot = {
  id: string;
  /** "group:<id>" | "question:<id>" | "segment:<id>" */
  source: string;
  /** The source's name when published, for readable diffs and the sync log. */
  sourceLabel: string;
  attribute: string;
  conversion: string;
  separator: string;
  /** Absent in versions published before the policy existed: "truncate". */
  longStrings?: LongStringPolicy;
  writePolicy: "overwrite" | "only_if_empty";
  enabled: boolean;
};

export type ConfigSnapshot = {
  personalizations: PersonalizationDraft[];
  mappings: MappingSnapshot[];
  flows: FlowDraft[];
};

export const emptySnapshot: ConfigSnapshot = { personalizations: [], mappings: [], flows: [] };

/**
 * Older versions were published before mappings and flows were part of the configuration, and before
 * rules spoke one naming (`custom.x` → `intercom.x`): versions stay as published, and read canonical.
 */
export function normalizeSnapshot(value: unknown): ConfigSnapshot {
  const s = (value ?? {}) as Partial<ConfigSnapshot>;
  return {
    // Versions published before holdouts existed had none: they keep showing every match its variant.
    personalizations: (s.personalizations ?? []).map((p) => ({
      ...p,
      holdoutPercent: p.holdoutPercent ?? 0,
      primaryGoal: p.primaryGoal ?? null,
      variants: (p.variants ?? []).map((v) => ({ ...v, rule: canonicalRule(v.rule) })),
    })),
    mappings: s.mappings ?? [],
    flows: (s.flows ?? []).map((f) => ({
      ...f,
      audience: canonicalRule(f.audience),
      steps: (f.steps ?? []).map((step) => ("branches" in step ? { ...step, branches: step.branches.map((b) => ({ ...b, rule: canonicalRule(b.rule) })) } : step)),
    })),
  };
}

export async function buildDraftSnapshot(workspaceId: string, tx?: DbOrTx): Promise<ConfigSnapshot> {
  const [personalizations, mappings, sources, flows] = [
    await listPersonalizations(workspaceId, tx),
    await listMappings(workspaceId, tx),
    await loadMappingSources(workspaceId, tx),
    await listFlows(workspaceId, tx),
  ];
  const labelOf = new Map(sources.map((s) => [s.ref, s.label]));
  return {
    personalizations: personalizations.map(({ placementKey, name, defaultHtml, variants, holdoutPercent, primaryGoal }) => ({ placementKey, name, defaultHtml, variants, holdoutPercent, primaryGoal })),
    mappings: mappings.map((m) => ({
      id: m.id,
      source: m.source,
      sourceLabel: labelOf.get(m.source) ?? m.source,
      attribute: m.attribute,
      conversion: m.conversion,
      separator: m.separator,
      longStrings: m.longStrings,
      writePolicy: m.writePolicy,
      enabled: m.enabled,
    })),
    flows: flows.map(({ key, name, enabled, audience, steps }) => ({ key, name, enabled, audience, steps })),
  };
}

/** JSON with sorted object keys, so equal configurations compare equal as strings. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameSnapshot(a: ConfigSnapshot, b: ConfigSnapshot): boolean {
  return stableStringify(a) === stableStringify(b);
}

function short(html: string): string {
  const text = html.replace(/\s+/g, " ").trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A readable list of what changes from `live` to `next`, one line per change. */
export function diffSnapshots(live: ConfigSnapshot, next: ConfigSnapshot): string[] {
  const lines: string[] = [];
  const before = new Map(live.personalizations.map((p) => [p.placementKey, p]));
  const after = new Map(next.personalizations.map((p) => [p.placementKey, p]));
  for (const [key, p] of after) {
    const old = before.get(key);
    const label = `Personalization "${p.name}" (${key})`;
    if (!old) {
      lines.push(`${label}: added with ${p.variants.length} variant${p.variants.length === 1 ? "" : "s"}`);
      continue;
    }
    if (old.name !== p.name) lines.push(`${label}: renamed from "${old.name}"`);
    if ((old.holdoutPercent ?? 0) !== p.holdoutPercent) lines.push(`${label}: holdout ${old.holdoutPercent ?? 0} % → ${p.holdoutPercent} %`);
    if ((old.primaryGoal ?? null) !== p.primaryGoal) lines.push(`${label}: primary goal ${old.primaryGoal ?? "none"} → ${p.primaryGoal ?? "none"}`);
    if (old.defaultHtml !== p.defaultHtml) lines.push(`${label}: default content "${short(old.defaultHtml)}" → "${short(p.defaultHtml)}"`);
    const oldVariants = new Map(old.variants.map((v) => [v.id, v]));
    const newIds = new Set(p.variants.map((v) => v.id));
    for (const v of p.variants) {
      const was = oldVariants.get(v.id);
      if (!was) lines.push(`${label}: variant "${v.name}" added (${describeRule(v.rule)})`);
      else {
        if (was.name !== v.name) lines.push(`${label}: variant "${was.name}" renamed to "${v.name}"`);
        if (stableStringify(was.rule) !== stableStringify(v.rule)) {
          lines.push(`${label}: variant "${v.name}" audience ${describeRule(was.rule)} → ${describeRule(v.rule)}`);
        }
        if (was.html !== v.html) lines.push(`${label}: variant "${v.name}" content "${short(was.html)}" → "${short(v.html)}"`);
      }
    }
    for (const v of old.variants) if (!newIds.has(v.id)) lines.push(`${label}: variant "${v.name}" removed`);
    const oldOrder = old.variants.map((v) => v.id).filter((id) => newIds.has(id));
    const newOrder = p.variants.map((v) => v.id).filter((id) => oldVariants.has(id));
    if (oldOrder.join() !== newOrder.join()) lines.push(`${label}: variants reordered`);
  }
  for (const [key, p] of before) if (!after.has(key)) lines.push(`Personalization "${p.name}" (${key}): removed`);
  lines.push(...diffMappings(live.mappings, next.mappings));
  lines.push(...diffFlows(live.flows, next.flows));
  return lines;
}

function describeMapping(m: MappingSnapshot): string {
  const policy = m.writePolicy === "only_if_empty" ? ", only when empty" : "";
  return `${m.sourceLabel} → Intercom ${m.attribute} (${m.conversion.replace(/_/g, " ")}${policy}${m.enabled ? "" : ", disabled"})`;
}

function diffMappings(live: MappingSnapshot[], next: MappingSnapshot[]): string[] {
  const lines: string[] = [];
  const before = new Map(live.map((m) => [m.id, m]));
  const afterIds = new Set(next.map((m) => m.id));
  for (const m of next) {
    const old = before.get(m.id);
    if (!old) lines.push(`Mapping added: ${describeMapping(m)}`);
    else if (describeMapping(old) !== describeMapping(m) || old.separator !== m.separator || (old.longStrings ?? "truncate") !== (m.longStrings ?? "truncate")) {
      lines.push(`Mapping changed: ${describeMapping(old)} → ${describeMapping(m)}`);
    }
  }
  for (const m of live) if (!afterIds.has(m.id)) lines.push(`Mapping removed: ${describeMapping(m)}`);
  return lines;
}

function diffFlows(live: FlowDraft[], next: FlowDraft[]): string[] {
  const lines: string[] = [];
  const before = new Map(live.map((f) => [f.key, f]));
  const afterKeys = new Set(next.map((f) => f.key));
  const steps = (n: number) => `${n} step${n === 1 ? "" : "s"}`;
  for (const f of next) {
    const old = before.get(f.key);
    const label = `Flow "${f.name}" (${f.key})`;
    if (!old) {
      lines.push(`${label}: added with ${steps(f.steps.length)}${f.enabled ? "" : ", turned off"}`);
      continue;
    }
    if (old.name !== f.name) lines.push(`${label}: renamed from "${old.name}"`);
    if (old.enabled !== f.enabled) lines.push(`${label}: turned ${f.enabled ? "on" : "off"}`);
    if (stableStringify(old.audience) !== stableStringify(f.audience)) lines.push(`${label}: audience ${describeRule(old.audience)} → ${describeRule(f.audience)}`);
    if (stableStringify(old.steps) !== stableStringify(f.steps)) {
      const oldIds = new Set(old.steps.map((s) => s.id));
      const newIds = new Set(f.steps.map((s) => s.id));
      const added = f.steps.filter((s) => !oldIds.has(s.id)).length;
      const removed = old.steps.filter((s) => !newIds.has(s.id)).length;
      const edited = f.steps.filter((s) => oldIds.has(s.id) && stableStringify(s) !== stableStringify(old.steps.find((o) => o.id === s.id))).length;
      const parts = [added && `${steps(added)} added`, removed && `${steps(removed)} removed`, edited && `${steps(edited)} edited`].filter(Boolean);
      lines.push(`${label}: ${parts.length > 0 ? parts.join(", ") : "steps reordered"}`);
    }
  }
  for (const f of live) if (!afterKeys.has(f.key)) lines.push(`Flow "${f.name}" (${f.key}): removed`);
  return lines;
}
