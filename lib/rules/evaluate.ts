import { parseAttributeName, readAttribute, type ContactData } from "./attributes";
import {
  isBlank, looseEquals, normalizeText, parseIsoDate, toEpochMs, toJsonSafe, toNumber, toText, type JsonValue,
} from "./coerce";
import type { AttributeCondition, Combinator, Condition, Rule, RuleGroup, SegmentCondition, TagCondition } from "./schema";

// Pure rule evaluation. Semantics (all covered by evaluate.test.ts):
// - Text comparisons (equals, contains, starts_with, in_list, tags) ignore case and edge whitespace.
// - Intercom data that is unavailable (anonymous visitor, Intercom down) is unknown, and unknown
//   never matches, not even has_not/not_equals: a VIP variant must never show by accident.
// - A known contact *without* the attribute is different: not_equals and is_empty match it.
// - An empty "and" group matches everyone; an empty "or" group matches no one.

export interface RuleContact extends ContactData {
  /** Tag names. */
  tags: string[];
}

export interface EvaluationContext {
  /** hideFields: rules may use the contact, but merge tags never show its fields (unverified identity). */
  intercom: { available: boolean; contact?: RuleContact; hideFields?: boolean };
  /** The visitor's Tailor segments: group key → segment keys. */
  segments: Record<string, string[]>;
}

export type TraceReason =
  | "intercom_unavailable" // no contact to look at: anonymous visitor or Intercom unreachable
  | "skipped" // not evaluated: the group's outcome was already decided
  | "missing" // the contact has no value for the attribute
  | "not_a_number"
  | "invalid_date"
  | "type_mismatch" // e.g. contains on a boolean
  | "unknown_attribute"
  | "empty"; // a group without children

export interface ConditionTrace {
  kind: "condition";
  id: string;
  type: Condition["type"];
  matched: boolean;
  /** What the condition looked at, clipped and JSON-safe (attribute value, tag names, segment keys). */
  seen: JsonValue;
  reason?: TraceReason;
}

export interface GroupTrace {
  kind: "group";
  id?: string;
  combinator: Combinator;
  matched: boolean;
  reason?: "skipped" | "empty";
  children: TraceNode[];
}

export type TraceNode = ConditionTrace | GroupTrace;

export interface Evaluation {
  matched: boolean;
  trace: GroupTrace;
}

export function evaluateRule(rule: Rule, context: EvaluationContext): Evaluation {
  const trace = evaluateGroup(rule, context);
  return { matched: trace.matched, trace };
}

/**
 * Whether the rule matches: the same answer as `evaluateRule(rule, context).matched`, without
 * building the trace (the runtime needs only the answer on every page view; the debugger the trace).
 */
export function ruleMatches(rule: Rule, context: EvaluationContext): boolean {
  return groupMatches(rule, context);
}

function groupMatches(group: RuleGroup, context: EvaluationContext): boolean {
  if (group.children.length === 0) return group.combinator === "and";
  const decisive = group.combinator === "or";
  for (const child of group.children) {
    const matched = child.type === "group" ? groupMatches(child, context) : evaluateCondition(child, context).matched;
    if (matched === decisive) return decisive;
  }
  return !decisive;
}

function evaluateGroup(group: RuleGroup, context: EvaluationContext): GroupTrace {
  const base = { kind: "group" as const, ...(group.id === undefined ? {} : { id: group.id }), combinator: group.combinator };
  if (group.children.length === 0) return { ...base, matched: group.combinator === "and", reason: "empty", children: [] };
  // "and" is decided by its first miss, "or" by its first match.
  const decisive = group.combinator === "or";
  let decided = false;
  const children = group.children.map((child): TraceNode => {
    if (decided) return skip(child);
    const trace = child.type === "group" ? evaluateGroup(child, context) : evaluateCondition(child, context);
    if (trace.matched === decisive) decided = true;
    return trace;
  });
  return { ...base, matched: decided ? decisive : !decisive, children };
}

function skip(node: Condition | RuleGroup): TraceNode {
  if (node.type !== "group") return { kind: "condition", id: node.id, type: node.type, matched: false, seen: null, reason: "skipped" };
  return {
    kind: "group",
    ...(node.id === undefined ? {} : { id: node.id }),
    combinator: node.combinator,
    matched: false,
    reason: "skipped",
    children: node.children.map(skip),
  };
}

export function evaluateCondition(condition: Condition, context: EvaluationContext): ConditionTrace {
  if (condition.type === "segment") return evaluateSegment(condition, context.segments);
  const contact = context.intercom.available ? context.intercom.contact : undefined;
  if (!contact) return result(condition, false, null, "intercom_unavailable");
  return condition.type === "tag" ? evaluateTag(condition, contact) : evaluateAttribute(condition, contact);
}

function result(condition: Condition, matched: boolean, seen: unknown, reason?: TraceReason): ConditionTrace {
  const trace: ConditionTrace = { kind: "condition", id: condition.id, type: condition.type, matched, seen: toJsonSafe(seen) };
  return reason === undefined ? trace : { ...trace, reason };
}

function evaluateTag(condition: TagCondition, contact: RuleContact): ConditionTrace {
  const wanted = normalizeText(condition.tag);
  const has = contact.tags.some((tag) => normalizeText(tag) === wanted);
  return result(condition, condition.operator === "has" ? has : !has, contact.tags);
}

function evaluateSegment(condition: SegmentCondition, segments: Record<string, string[]>): ConditionTrace {
  const keys = Object.hasOwn(segments, condition.group) ? (segments[condition.group] ?? []) : [];
  const isIn = condition.segment !== undefined && keys.includes(condition.segment);
  switch (condition.operator) {
    case "is":
      return result(condition, isIn, keys);
    case "is_not": // a visitor who never answered is "not founder" too; AND with is_known to require an answer
      return result(condition, !isIn, keys);
    case "is_known":
      return result(condition, keys.length > 0, keys);
    case "is_unknown":
      return result(condition, keys.length === 0, keys);
  }
}

function evaluateAttribute(condition: AttributeCondition, contact: RuleContact): ConditionTrace {
  const ref = parseAttributeName(condition.attribute);
  if (!ref) return result(condition, false, null, "unknown_attribute");
  const seen = readAttribute(contact, ref);
  const { operator, value } = condition;

  if (operator === "exists") return result(condition, !isBlank(seen), seen);
  if (operator === "is_empty") return result(condition, isBlank(seen), seen);
  // The contact is known but has no value: it is "not equal" to anything, and matches nothing else.
  if (isBlank(seen)) return result(condition, operator === "not_equals", seen, "missing");

  switch (operator) {
    case "equals":
      return result(condition, looseEquals(seen, value), seen);
    case "not_equals":
      return result(condition, !looseEquals(seen, value), seen);
    case "in_list":
      return result(condition, Array.isArray(value) && value.some((item) => looseEquals(seen, item)), seen);
    case "contains":
    case "starts_with": {
      const text = toText(seen);
      if (text === undefined || typeof value !== "string") return result(condition, false, seen, "type_mismatch");
      const [haystack, needle] = [normalizeText(text), normalizeText(value)];
      return result(condition, operator === "contains" ? haystack.includes(needle) : haystack.startsWith(needle), seen);
    }
    case "greater_than":
    case "less_than": {
      const [actual, limit] = [toNumber(seen), toNumber(value)];
      if (actual === undefined || limit === undefined) return result(condition, false, seen, "not_a_number");
      return result(condition, operator === "greater_than" ? actual > limit : actual < limit, seen);
    }
    case "before":
    case "after": {
      const actual = toEpochMs(seen);
      const limit = typeof value === "string" ? parseIsoDate(value) : undefined;
      if (actual === undefined || limit === undefined) return result(condition, false, seen, "invalid_date");
      return result(condition, operator === "before" ? actual < limit : actual > limit, seen);
    }
  }
}
