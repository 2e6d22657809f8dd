import type { AttributeOperator, Condition, SegmentOperator, TagOperator } from "./schema";

// The words for each part of a rule, shared by the rule builder's menus and the one-line
// descriptions (describe.ts) in the debug panel and version diffs.

export const conditionTypeLabels: Record<Condition["type"], string> = {
  tag: "Intercom tag",
  attribute: "Intercom attribute",
  segment: "Tailor segment",
};

export const tagOperatorLabels: Record<TagOperator, string> = {
  has: "has tag",
  has_not: "does not have tag",
};

export const attributeOperatorLabels: Record<AttributeOperator, string> = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  starts_with: "starts with",
  exists: "is set",
  is_empty: "is empty",
  greater_than: "is greater than",
  less_than: "is less than",
  before: "is before",
  after: "is after",
  in_list: "is one of",
};

export const segmentOperatorLabels: Record<SegmentOperator, string> = {
  is: "is",
  is_not: "is not",
  is_known: "is known",
  is_unknown: "is unknown",
};
