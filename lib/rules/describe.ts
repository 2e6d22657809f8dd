import { attributeLabel } from "./attributes";
import { attributeOperatorLabels, segmentOperatorLabels, tagOperatorLabels } from "./labels";
import type { AttributeCondition, Condition, Rule, RuleNode } from "./schema";

// One-line, human-readable rules for the debug panel and version diffs:
//   has tag vip AND (favorite_color equals teal OR segment role is founder)
// Words with spaces or punctuation are JSON-quoted so the line stays unambiguous.

function word(value: string | number | boolean): string {
  const text = String(value);
  return /^[\p{L}\p{N}_@.+:/-]+$/u.test(text) ? text : JSON.stringify(text);
}

function describeValue(condition: AttributeCondition): string {
  const { value } = condition;
  if (condition.operator === "exists" || condition.operator === "is_empty" || value === undefined) return "";
  return Array.isArray(value) ? ` [${value.map(word).join(", ")}]` : ` ${word(value)}`;
}

export function describeCondition(condition: Condition): string {
  switch (condition.type) {
    case "tag":
      return `${tagOperatorLabels[condition.operator]} ${word(condition.tag)}`;
    case "attribute":
      return `${word(attributeLabel(condition.attribute))} ${attributeOperatorLabels[condition.operator]}${describeValue(condition)}`;
    case "segment": {
      const group = `segment ${word(condition.group)}`;
      const verb = segmentOperatorLabels[condition.operator];
      if (condition.operator === "is_known" || condition.operator === "is_unknown") return `${group} ${verb}`;
      return `${group} ${verb} ${word(condition.segment ?? "?")}`;
    }
  }
}

function describeNode(node: RuleNode, nested: boolean): string {
  if (node.type !== "group") return describeCondition(node);
  // Empty groups follow the evaluator: "and" matches everyone, "or" no one.
  if (node.children.length === 0) return node.combinator === "and" ? "everyone" : "no one";
  if (node.children.length === 1 && node.children[0]) return describeNode(node.children[0], nested);
  const text = node.children.map((child) => describeNode(child, true)).join(node.combinator === "and" ? " AND " : " OR ");
  return nested ? `(${text})` : text;
}

export function describeRule(rule: Rule): string {
  return describeNode(rule, false);
}
