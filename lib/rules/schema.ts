import { z } from "zod";
import { canonicalAttributeName, parseAttributeName } from "./attributes";
import { isBlank, parseIsoDate, toNumber } from "./coerce";

// Audience rules: a tree of and/or groups whose leaves are conditions on Intercom tags, Intercom
// attributes (see ./attributes for the naming convention) or the visitor's Tailor segments.

export const MAX_RULE_DEPTH = 4; // the root group is depth 1
export const MAX_RULE_CONDITIONS = 50;
export const MAX_LIST_VALUES = 100;

export const COMBINATORS = ["and", "or"] as const;
export const TAG_OPERATORS = ["has", "has_not"] as const;
export const ATTRIBUTE_OPERATORS = [
  "equals", "not_equals", "contains", "starts_with", "exists", "is_empty",
  "greater_than", "less_than", "before", "after", "in_list",
] as const;
export const SEGMENT_OPERATORS = ["is", "is_not", "is_known", "is_unknown"] as const;

export type Combinator = (typeof COMBINATORS)[number];
export type TagOperator = (typeof TAG_OPERATORS)[number];
export type AttributeOperator = (typeof ATTRIBUTE_OPERATORS)[number];
export type SegmentOperator = (typeof SEGMENT_OPERATORS)[number];
export type AttributeValue = string | number | boolean | string[];

export interface TagCondition {
  id: string;
  type: "tag";
  operator: TagOperator;
  /** Tag name; compared case-insensitively, as Intercom does. */
  tag: string;
}

export interface AttributeCondition {
  id: string;
  type: "attribute";
  /** `intercom.<name>`: a standard field (`intercom.email`) or a custom attribute; older rules say `custom.<name>` or `email`. */
  attribute: string;
  operator: AttributeOperator;
  /** Absent for exists/is_empty; string[] for in_list; ISO date for before/after; number for greater/less_than. */
  value?: AttributeValue;
}

export interface SegmentCondition {
  id: string;
  type: "segment";
  /** Segment group key, e.g. "role". */
  group: string;
  operator: SegmentOperator;
  /** Segment key; required for is/is_not. */
  segment?: string;
}

export type Condition = TagCondition | AttributeCondition | SegmentCondition;

export interface RuleGroup {
  type: "group";
  /** Optional stable id for the builder's React keys; echoed in traces. */
  id?: string;
  combinator: Combinator;
  children: RuleNode[];
}

export type RuleNode = Condition | RuleGroup;
export type Rule = RuleGroup;

const idSchema = z.string().min(1, "Every condition needs an id.").max(64, "Condition ids are at most 64 characters.");
const keySchema = (what: string) => z.string().trim().min(1, `Choose a ${what}.`).max(255, `That ${what} is too long.`);

const tagConditionSchema = z.object({
  id: idSchema,
  type: z.literal("tag"),
  operator: z.enum(TAG_OPERATORS),
  tag: z.string().trim().min(1, "Enter a tag name.").max(255, "Tag names are at most 255 characters."),
});

const attributeConditionSchema = z
  .object({
    id: idSchema,
    type: z.literal("attribute"),
    attribute: z.string().trim().min(1, "Choose an attribute.").max(300, "That attribute name is too long."),
    operator: z.enum(ATTRIBUTE_OPERATORS),
    value: z
      .union([
        z.string().max(1000, "Values are at most 1000 characters."),
        z.number(),
        z.boolean(),
        z.array(z.string().trim().min(1, "List values can't be empty.").max(255)).max(MAX_LIST_VALUES, `Lists hold at most ${MAX_LIST_VALUES} values.`),
      ])
      .optional(),
  })
  .superRefine((condition, ctx) => {
    if (parseAttributeName(condition.attribute) === null) {
      ctx.addIssue({
        code: "custom",
        path: ["attribute"],
        message: `Unknown attribute "${condition.attribute}". Write Intercom attributes as "intercom.<name>", e.g. intercom.email or intercom.favorite_color.`,
      });
    }
    const problem = valueProblem(condition.operator, condition.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });

// Each operator takes one kind of value; exists/is_empty ignore theirs so switching operators in the builder is harmless.
function valueProblem(operator: AttributeOperator, value: AttributeValue | undefined): string | undefined {
  switch (operator) {
    case "exists":
    case "is_empty":
      return undefined;
    case "equals":
    case "not_equals":
      if (Array.isArray(value)) return "Compare with one value, or use \"is one of\".";
      return value === undefined || isBlank(value) ? "Enter a value (to match empty values, use \"is empty\")." : undefined;
    case "contains":
    case "starts_with":
      return typeof value === "string" && !isBlank(value) ? undefined : "Enter the text to look for.";
    case "greater_than":
    case "less_than":
      return typeof value !== "boolean" && toNumber(value) !== undefined ? undefined : "Enter a number.";
    case "before":
    case "after":
      return typeof value === "string" && parseIsoDate(value) !== undefined ? undefined : "Enter a date as YYYY-MM-DD (or an ISO date-time).";
    case "in_list":
      return Array.isArray(value) && value.length > 0 ? undefined : "Enter at least one value.";
  }
}

const segmentConditionSchema = z
  .object({
    id: idSchema,
    type: z.literal("segment"),
    group: keySchema("segment group"),
    operator: z.enum(SEGMENT_OPERATORS),
    segment: keySchema("segment").optional(),
  })
  .superRefine((condition, ctx) => {
    if ((condition.operator === "is" || condition.operator === "is_not") && condition.segment === undefined) {
      ctx.addIssue({ code: "custom", path: ["segment"], message: "Choose a segment." });
    }
  });

const combinatorSchema = z.enum(COMBINATORS, { error: "Choose \"all\" (and) or \"any\" (or)." });

function groupSchemaOf(child: z.ZodType<RuleNode, RuleNode>) {
  return z.object({
    type: z.literal("group"),
    id: idSchema.optional(),
    combinator: combinatorSchema,
    children: z.array(child).max(MAX_RULE_CONDITIONS, `A group holds at most ${MAX_RULE_CONDITIONS} items.`),
  });
}

// Past the depth cap a group is refused without parsing its children, so parsing work stays bounded.
const tooDeepGroupSchema = z.object({ type: z.literal("group") }).transform((input, ctx) => {
  ctx.issues.push({ code: "custom", input, message: `Groups can be nested at most ${MAX_RULE_DEPTH} levels deep.` });
  return z.NEVER;
});

// One schema per depth level: the level past the cap only knows conditions and the refusal above.
function nodeSchemaAt(depth: number): z.ZodType<RuleNode, RuleNode> {
  const conditions = [tagConditionSchema, attributeConditionSchema, segmentConditionSchema] as const;
  if (depth <= MAX_RULE_DEPTH) return z.discriminatedUnion("type", [...conditions, groupSchemaOf(nodeSchemaAt(depth + 1))]);
  // The refusal never produces a value, so the union really is RuleNode; TS can't see that through the transform's input.
  return z.discriminatedUnion("type", [...conditions, tooDeepGroupSchema]) as z.ZodType<RuleNode, RuleNode>;
}

// Parsing also canonicalizes attribute names, so every read and every save speaks the one naming.
export const ruleSchema: z.ZodType<Rule, Rule> = groupSchemaOf(nodeSchemaAt(2)).superRefine((rule, ctx) => {
  const conditions = listConditions(rule);
  if (conditions.length > MAX_RULE_CONDITIONS) {
    ctx.addIssue({
      code: "custom",
      path: ["children"],
      message: `A rule can have at most ${MAX_RULE_CONDITIONS} conditions (this one has ${conditions.length}).`,
    });
  }
  const seen = new Set<string>();
  for (const condition of conditions) {
    if (seen.has(condition.id)) {
      ctx.addIssue({ code: "custom", path: ["children"], message: `Condition id "${condition.id}" is used twice; ids must be unique.` });
    }
    seen.add(condition.id);
  }
}).transform((rule) => canonicalRule(rule));

export const conditionSchema: z.ZodType<Condition, Condition> = z.discriminatedUnion("type", [
  tagConditionSchema,
  attributeConditionSchema,
  segmentConditionSchema,
]);

export function isGroup(node: RuleNode): node is RuleGroup {
  return node.type === "group";
}

/** Every condition in the tree, depth-first. */
export function listConditions(rule: RuleGroup): Condition[] {
  return rule.children.flatMap((child) => (isGroup(child) ? listConditions(child) : [child]));
}

/** A rule with no conditions: an empty "and" group, which matches every visitor. */
export function emptyRule(): Rule {
  return { type: "group", combinator: "and", children: [] };
}

/** The rule with every attribute in the one naming (`intercom.<name>`); applied on read and on save. */
export function canonicalRule<T extends RuleGroup>(rule: T): T {
  if (!rule || !Array.isArray(rule.children)) return rule; // hostile or old data is left for the evaluator to refuse
  const children = rule.children.map((child): RuleNode => {
    if (isGroup(child)) return canonicalRule(child);
    if (child.type !== "attribute") return child;
    const attribute = canonicalAttributeName(child.attribute);
    return attribute === child.attribute ? child : { ...child, attribute };
  });
  return { ...rule, children };
}
