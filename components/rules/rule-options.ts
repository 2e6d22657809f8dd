import type { CatalogueAttribute } from "@/lib/rules/references";
import { ATTRIBUTE_OPERATORS, type AttributeOperator } from "@/lib/rules/schema";

/** An attribute the builder suggests, by its Intercom name; the rule stores `intercom.<name>`. */
export type RuleAttributeOption = CatalogueAttribute;

/** A segment group the builder offers for segment conditions. */
export type RuleSegmentGroupOption = { key: string; name: string; segments: { key: string; name: string }[] };

/** The kind of value input an attribute operator takes. */
export type ValueKind = "none" | "text" | "number" | "date" | "list" | "boolean";

const OPERATORS_BY_TYPE: Record<string, readonly AttributeOperator[]> = {
  string: ["equals", "not_equals", "contains", "starts_with", "in_list", "exists", "is_empty"],
  integer: ["equals", "not_equals", "greater_than", "less_than", "in_list", "exists", "is_empty"],
  float: ["equals", "not_equals", "greater_than", "less_than", "exists", "is_empty"],
  boolean: ["equals", "not_equals", "exists", "is_empty"],
  date: ["before", "after", "exists", "is_empty"],
};

/** The operators that make sense for an Intercom data type; every operator when the type is unknown (free text). */
export function operatorsFor(dataType: string | undefined): readonly AttributeOperator[] {
  return (dataType && OPERATORS_BY_TYPE[dataType]) || ATTRIBUTE_OPERATORS;
}

/** The value input for an operator on an attribute of this type: numbers and yes/no get their own. */
export function valueKindFor(operator: AttributeOperator, dataType: string | undefined): ValueKind {
  const kind = valueKindOf(operator);
  if (kind !== "text") return kind;
  if (dataType === "boolean") return "boolean";
  if (dataType === "integer" || dataType === "float") return "number";
  return kind;
}

export function valueKindOf(operator: AttributeOperator): ValueKind {
  switch (operator) {
    case "exists":
    case "is_empty":
      return "none";
    case "greater_than":
    case "less_than":
      return "number";
    case "before":
    case "after":
      return "date";
    case "in_list":
      return "list";
    default:
      return "text";
  }
}

/** "a, b ,, c" → ["a", "b", "c"]: list values are typed comma-separated. */
export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Reads the message react-hook-form keeps at a nested path of an errors object. */
export function errorAt(errors: unknown, path: (string | number)[]): string | undefined {
  let node: unknown = errors;
  for (const key of path) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (!node || typeof node !== "object") return undefined;
  const record = node as { message?: unknown; root?: { message?: unknown } };
  const message = record.message ?? record.root?.message;
  return typeof message === "string" ? message : undefined;
}
