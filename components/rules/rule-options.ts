import type { AttributeOperator } from "@/lib/rules/schema";

/** An attribute the builder suggests; `name` is what the rule stores (`email`, `custom.favorite_color`). */
export type RuleAttributeOption = { name: string; label: string; dataType: string; custom: boolean };

/** A segment group the builder offers for segment conditions. */
export type RuleSegmentGroupOption = { key: string; name: string; segments: { key: string; name: string }[] };

/** The kind of value input an attribute operator takes. */
export type ValueKind = "none" | "text" | "number" | "date" | "list";

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
